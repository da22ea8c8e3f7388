package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.SourcePosition;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogProblemTest {

  @Test
  void toString_allFacts_houseFormat() {
    CatalogProblem p = new CatalogProblem(CatalogProblem.Severity.ERROR, CatalogProblem.Kind.DANGLING_RELATION,
        "a.yaml", Optional.of(new SourcePosition(3, 10)), Optional.of(EntityRef.parse("component:x")),
        FieldPath.of("spec", "owner"), "ownedBy relation to group:default/g, which is not in the catalog");
    assertThat(p).hasToString("a.yaml:3:10: component:default/x: spec.owner: ownedBy relation to "
        + "group:default/g, which is not in the catalog");
  }

  @Test
  void toString_unknownParts_leftOut() {
    CatalogProblem p = new CatalogProblem(CatalogProblem.Severity.WARNING, CatalogProblem.Kind.LOCATION,
        "dir", Optional.empty(), Optional.empty(), FieldPath.ROOT, "location not found");
    assertThat(p).hasToString("dir: location not found");
  }

  @Test
  void ruleId_everyKind_portolanKebabCase() {
    assertThat(CatalogProblem.Kind.DANGLING_RELATION.ruleId()).isEqualTo("portolan/dangling-relation");
    assertThat(CatalogProblem.Kind.LOCATION_NOT_FETCHED.ruleId()).isEqualTo("portolan/location-not-fetched");
    for (CatalogProblem.Kind k : CatalogProblem.Kind.values()) {
      assertThat(k.ruleId()).matches("portolan/[a-z]+(-[a-z]+)*");
      assertThat(k.description()).isNotBlank().endsWith(".");
    }
  }
}
