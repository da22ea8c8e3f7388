package dev.portolan.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.catalog.model.testing.CatalogArbitraries;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FieldPathTest {

  @Test
  void toString_plainKeysAndIndex_dottedWithBrackets() {
    assertThat(FieldPath.of("spec", "dependsOn").index(2).toString()).isEqualTo("spec.dependsOn[2]");
  }

  @Test
  void toString_keyWithSlash_isQuoted() {
    assertThat(FieldPath.of("metadata", "annotations").key("backstage.io/x").toString())
        .isEqualTo("metadata.annotations[\"backstage.io/x\"]");
  }

  @Test
  void toString_root_isEmpty() {
    assertThat(FieldPath.ROOT.toString()).isEmpty();
    assertThat(FieldPath.parse("")).isEqualTo(FieldPath.ROOT);
  }

  @Test
  void parse_quotedKeyWithEscapes_unescapes() {
    FieldPath p = FieldPath.parse("a[\"x\\\"y\\\\z\"][3].b");
    assertThat(p.segments()).containsExactly(new FieldPath.Key("a"), new FieldPath.Key("x\"y\\z"),
        new FieldPath.Index(3), new FieldPath.Key("b"));
  }

  @Test
  void parse_malformed_throwsWithOffset() {
    assertThatThrownBy(() -> FieldPath.parse("a..b")).isInstanceOf(InvalidFieldPathException.class)
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> FieldPath.parse("a[x]")).isInstanceOf(InvalidFieldPathException.class);
    assertThatThrownBy(() -> FieldPath.parse("a[\"open")).isInstanceOf(InvalidFieldPathException.class);
    assertThatThrownBy(() -> FieldPath.parse(".a")).isInstanceOf(InvalidFieldPathException.class);
    assertThatThrownBy(() -> FieldPath.parse("a[1]b")).isInstanceOf(InvalidFieldPathException.class);
  }

  @Test
  void toJsonPointer_escapesSlashAndTilde() {
    assertThat(FieldPath.of("metadata", "annotations", "a/b~c").toJsonPointer())
        .isEqualTo("/metadata/annotations/a~1b~0c");
  }

  @Test
  void parentAndStartsWith_navigate() {
    FieldPath p = FieldPath.of("spec", "owner");
    assertThat(p.parent()).isEqualTo(FieldPath.of("spec"));
    assertThat(p.startsWith(FieldPath.of("spec"))).isTrue();
    assertThat(FieldPath.ROOT.parent()).isEqualTo(FieldPath.ROOT);
    assertThat(p.isRoot()).isFalse();
  }

  @Test
  void constructor_copiesSegments() {
    List<FieldPath.Segment> list = new java.util.ArrayList<>(List.of(new FieldPath.Key("a")));
    FieldPath p = new FieldPath(list);
    list.add(new FieldPath.Index(1));
    assertThat(p.segments()).hasSize(1);
    assertThatThrownBy(() -> new FieldPath.Index(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void parse_format_roundTrips(@ForAll("paths") FieldPath path) {
    assertThat(FieldPath.parse(path.toString())).isEqualTo(path);
  }

  @Provide
  Arbitrary<FieldPath> paths() {
    return CatalogArbitraries.fieldPaths();
  }
}
