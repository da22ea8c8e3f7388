package dev.portolan.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small value types: positions, limits, profiles, stages, violations, results, kind definitions. */
class ValuesTest {

  @Test
  void sourcePosition_zeroOrNegative_isRejected() {
    assertThat(new SourcePosition(3, 9).toString()).isEqualTo("3:9");
    assertThatThrownBy(() -> new SourcePosition(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void limits_withers_changeOneLimit() {
    Limits l = Limits.DEFAULTS.withMaxDepth(7).withMaxDocuments(3).withMaxAliasCount(0).withMaxDocumentCodePoints(9);
    assertThat(l).isEqualTo(new Limits(0, 9, 7, 3));
    assertThat(l.withMaxNodes(11)).isEqualTo(new Limits(0, 9, 7, 3, 11));
    assertThat(Limits.DEFAULTS.maxNodes()).isEqualTo(1_000_000);
    assertThat(Limits.DEFAULTS.maxAliasCount()).isEqualTo(100);
    assertThatThrownBy(() -> Limits.DEFAULTS.withMaxDepth(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void profile_parse_acceptsCliNames() {
    assertThat(Profile.parse("core")).isEqualTo(Profile.CORE);
    assertThat(Profile.parse("APP")).isEqualTo(Profile.APP);
    assertThat(Profile.APP.cliName()).isEqualTo("app");
    assertThatThrownBy(() -> Profile.parse("full")).hasMessageContaining("expected app or core");
  }

  @Test
  void stage_id_roundTrips() {
    for (Stage s : Stage.values()) {
      assertThat(Stage.parse(s.id())).isEqualTo(s);
    }
    assertThat(Stage.POSTPROCESS.id()).isEqualTo("postprocess");
  }

  @Test
  void violation_toString_leavesOutUnknownParts() {
    Violation v = new Violation("f.yaml", 0, Optional.empty(), Optional.empty(), FieldPath.ROOT, "boom", Stage.PARSE);
    assertThat(v.toString()).isEqualTo("f.yaml: boom");
    Violation w = new Violation("f.yaml", 1, Optional.of(new SourcePosition(2, 3)),
        Optional.of(EntityRef.parse("component:x")), FieldPath.of("spec", "owner"), "bad", Stage.KIND);
    assertThat(w.toString()).isEqualTo("f.yaml:2:3: component:default/x: spec.owner: bad");
  }

  @Test
  void documentResult_validMustMatchViolations() {
    Violation v = new Violation("f", 0, Optional.empty(), Optional.empty(), FieldPath.ROOT, "x", Stage.PARSE);
    assertThatThrownBy(() -> new DocumentResult("f", 0, Optional.empty(), Optional.empty(), true, List.of(v),
        Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    DocumentResult ok = new DocumentResult("f", 0, Optional.empty(), Optional.empty(), false, List.of(v),
        Optional.empty(), Optional.of(new BackstageVerdict(Stage.PARSE, "x")));
    assertThat(ok.violations()).containsExactly(v);
  }

  @Test
  void kindDefinition_factories_keepTheirParts() {
    KindDefinition s = KindDefinition.ofSchema("acme.com/v1", "Product", "{}");
    assertThat(s.jsonSchema()).contains("{}");
    assertThat(s.validator()).isEmpty();
    assertThat(s.toString()).isEqualTo("Product (acme.com/v1)");
    KindDefinition v = KindDefinition.ofValidator("acme.com/v1", "Product", e -> List.of());
    assertThat(v.validator()).isPresent();
    assertThatThrownBy(() -> KindDefinition.ofSchema("", "P", "{}")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new KindViolation(FieldPath.ROOT, "m").message()).isEqualTo("m");
  }

  @Test
  void entityMetadata_copiesAndLooksUp() {
    EntityMetadata m = new EntityMetadata("n", Optional.of(""), Optional.empty(), Optional.empty(),
        java.util.Map.of("l", "v"), java.util.Map.of("a", "b"), List.of("t"),
        List.of(new EntityLink("https://x", Optional.empty(), Optional.empty(), Optional.empty())),
        Optional.empty(), Optional.empty());
    assertThat(m.namespaceOrDefault()).isEqualTo("default");
    assertThat(m.label("l")).contains("v");
    assertThat(m.annotation("zz")).isEmpty();
    assertThatThrownBy(() -> m.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void exceptions_carryInput() {
    assertThat(new InvalidFieldPathException("a..", "m").input()).isEqualTo("a..");
    assertThat(new PortolanException("m", new IllegalStateException()).getCause()).isNotNull();
  }
}
