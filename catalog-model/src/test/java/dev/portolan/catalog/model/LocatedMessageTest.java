package dev.portolan.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocatedMessageTest {

  @Test
  void format_allPartsKnown_fileLineColumnRefPathMessage() {
    assertThat(LocatedMessage.format("catalog-info.yaml", Optional.of(new SourcePosition(3, 9)),
        Optional.of(EntityRef.parse("component:default/foo")), FieldPath.parse("metadata.name"),
        "expected a name, found \"Bad Name\""))
        .isEqualTo("catalog-info.yaml:3:9: component:default/foo: metadata.name: expected a name, found \"Bad Name\"");
  }

  @Test
  void format_unknownPartsAndRootPath_leftOut() {
    assertThat(LocatedMessage.format("x.yaml", Optional.empty(), Optional.empty(), FieldPath.ROOT,
        "empty file")).isEqualTo("x.yaml: empty file");
  }
}
