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

  @Test
  void attributes_copiedImmutableAndKeptByInverse() {
    java.util.Map<String, Object> attrs = new java.util.LinkedHashMap<>();
    attrs.put("environment", "production");
    attrs.put("permissions", new java.util.ArrayList<>(java.util.List.of("read", "write")));
    attrs.put("days", 90);
    Relation r = new Relation(EntityRef.parse("airesource:bot"), RelationType.custom("hasAccessTo", "accessibleBy"),
        EntityRef.parse("resource:db"), EntityRef.parse("airesource:bot"), Optional.empty(), attrs);
    attrs.put("environment", "staging");
    assertThat(r.attributes()).containsEntry("environment", "production").containsEntry("days", 90);
    assertThat(r.inverse().attributes()).isEqualTo(r.attributes());
    assertThat(r.inverse().type().id()).isEqualTo("accessibleBy");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.attributes().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(new Relation(r.source(), r.type(), r.target(), r.origin(), Optional.empty()).attributes()).isEmpty();
  }

  @Test
  void attributes_unsupportedValue_rejectedWithTheName() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Relation(EntityRef.parse("component:a"),
        WellKnownRelation.DEPENDS_ON, EntityRef.parse("component:b"), EntityRef.parse("component:a"), Optional.empty(),
        java.util.Map.of("tags", java.util.List.of(java.util.Map.of()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("relation attribute tags: expected a list of strings, numbers or booleans, found an item that is an object");
  }
}
