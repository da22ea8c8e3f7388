package dev.portolan.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void toString_everyPart_fileLineColumnRefPathMessage() {
    Problem p = new Problem(true, "portolan/invalid-entity", "a/catalog-info.yaml", 4, 9,
        Optional.of("component:default/x"), "spec.owner", "expected a string, found 3");
    assertThat(p).hasToString("a/catalog-info.yaml:4:9: component:default/x: spec.owner: expected a string, found 3");
  }

  @Test
  void toString_unknownParts_leftOut() {
    Problem p = new Problem(false, "r", "f.yaml", 0, 0, Optional.empty(), "", "cannot read");
    assertThat(p).hasToString("f.yaml: cannot read");
  }

  @Test
  void constructor_nullMessage_rejected() {
    assertThatThrownBy(() -> new Problem(true, "r", "f", 0, 0, Optional.empty(), "", null))
        .isInstanceOf(NullPointerException.class).hasMessage("message");
  }
}
