package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.model.Entity;
import dev.portolan.catalog.model.EntityRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EntityProviderTest {

  static Entity group(String name, boolean annotated) {
    String ann = annotated ? ",\"annotations\":{\"backstage.io/managed-by-location\":\"url:https://x\","
        + "\"backstage.io/managed-by-origin-location\":\"url:https://x\"}" : "";
    return Entity.parseJson("{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Group\",\"metadata\":{\"name\":\""
        + name + "\"" + ann + "},\"spec\":{\"type\":\"team\",\"children\":[]}}");
  }

  static final class Holder implements EntityProvider {
    final AtomicReference<EntityProviderConnection> connection = new AtomicReference<>();

    @Override
    public String name() {
      return "test";
    }

    @Override
    public void connect(EntityProviderConnection c) {
      connection.set(c);
    }
  }

  @Test
  void mutations_fullThenDelta_appliedLikeLocations() {
    Holder h = new Holder();
    Catalog c = Catalog.builder().provider(h).build();
    CatalogChange full = h.connection.get().applyMutation(new EntityProviderMutation.Full(
        List.of(DeferredEntity.of(group("a", true)), DeferredEntity.of(group("b", true)))));
    assertThat(full.added()).hasSize(2);
    CatalogChange delta = h.connection.get().applyMutation(new EntityProviderMutation.Delta(
        List.of(DeferredEntity.of(group("c", true))), List.of(EntityRef.parse("group:a"))));
    assertThat(delta.added()).extracting(EntityRef::toString).containsExactly("group:default/c");
    assertThat(delta.removed()).extracting(EntityRef::toString).containsExactly("group:default/a");
    assertThat(c.snapshot().entity("group:default/b").orElseThrow().file()).isEqualTo("provider:test");
  }

  @Test
  void mutation_missingLocationAnnotations_rejectedAsBackstageDoes() {
    Holder h = new Holder();
    Catalog c = Catalog.builder().provider(h).build();
    h.connection.get().applyMutation(new EntityProviderMutation.Full(List.of(DeferredEntity.of(group("a", false)))));
    assertThat(c.snapshot().size()).isZero();
    assertThat(c.snapshot().errors()).singleElement().satisfies(p ->
        assertThat(p.message()).contains("does not have the annotation backstage.io/managed-by-location"));
  }

  @Test
  void mutation_sameRefWithAndWithoutLocationKey_keyedClaimantWins() {
    Holder h = new Holder();
    Catalog c = Catalog.builder().provider(h).build();
    h.connection.get().applyMutation(new EntityProviderMutation.Full(List.of(
        DeferredEntity.of(group("a", true)), new DeferredEntity(group("A", true), Optional.of("key-1")))));
    assertThat(c.snapshot().entity("group:default/a").orElseThrow().locationKey()).contains("key-1");
  }
}
