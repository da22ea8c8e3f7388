package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelationTest {

  @Test
  void construct_mixedCaseRefs_normalised() {
    Relation r = new Relation(EntityRef.parse("Component:Default/Web"), WellKnownRelation.OWNED_BY,
        EntityRef.parse("Group:Ops/Team"), EntityRef.parse("Component:Default/Web"),
        Optional.of(FieldPath.of("spec", "owner")));
    assertThat(r.source().name()).isEqualTo("web");
    assertThat(r.toString()).isEqualTo("component:default/web ownedBy group:ops/team");
  }

  @Test
  void inverse_swapsEndsKeepsOriginAndField() {
    Relation r = new Relation(EntityRef.parse("component:a"), WellKnownRelation.DEPENDS_ON,
        EntityRef.parse("resource:db"), EntityRef.parse("component:a"), Optional.of(FieldPath.of("spec")));
    Relation i = r.inverse();
    assertThat(i.toString()).isEqualTo("resource:default/db dependencyOf component:default/a");
    assertThat(i.origin()).isEqualTo(r.origin());
    assertThat(i.inverse()).isEqualTo(r);
  }
}
