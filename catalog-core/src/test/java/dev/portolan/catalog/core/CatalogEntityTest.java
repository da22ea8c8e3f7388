package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.InvalidFieldPathException;
import dev.portolan.catalog.model.Profile;
import dev.portolan.catalog.model.SourcePosition;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogEntityTest {

  private static final String YAML = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: shop
        annotations:
          example.com/team: payments
      spec:
        type: service
        lifecycle: production
        owner: group:default/payments
        dependsOn:
          - resource:default/zeta-db
          - component:default/auth
        providesApis: [shop-api]
      """;

  private static SourcePosition at(int line, int column) {
    return new SourcePosition(line, column);
  }

  @Test
  void positionOf_fieldsOfAFileEntity_whereWritten() throws IOException {
    CatalogEntity e = EntityGraphTest.load(Profile.CORE, YAML).entity("component:default/shop").orElseThrow();
    assertThat(e.position()).contains(at(1, 1));
    assertThat(e.positionOf("spec.owner")).contains(at(10, 10));
    assertThat(e.positionOf(FieldPath.of("spec", "lifecycle"))).contains(at(9, 14));
    assertThat(e.positionOf("spec.dependsOn")).contains(at(11, 3));
    assertThat(e.positionOf("spec.providesApis[0]")).contains(at(14, 18));
    assertThat(e.positionOf("metadata.annotations[\"example.com/team\"]")).contains(at(6, 23));
    assertThat(e.positionOf(FieldPath.of("metadata", "annotations").key("example.com/team"))).contains(at(6, 23));
  }

  @Test
  void positionOf_sortedRelationArray_eachItemWhereWritten() throws IOException {
    CatalogEntity e = EntityGraphTest.load(Profile.CORE, YAML).entity("component:default/shop").orElseThrow();
    List<String> deps = List.of(e.entity().toJson().get("spec").get("dependsOn").get(0).asText(),
        e.entity().toJson().get("spec").get("dependsOn").get(1).asText());
    int auth = deps.indexOf("component:default/auth");
    int zeta = deps.indexOf("resource:default/zeta-db");
    assertThat(e.positionOf("spec.dependsOn[" + auth + "]")).contains(at(13, 7));
    assertThat(e.positionOf("spec.dependsOn[" + zeta + "]")).contains(at(12, 7));
  }

  @Test
  void positionOf_addedOrMissingFields_nearestWrittenAncestor() throws IOException {
    CatalogEntity e = EntityGraphTest.load(Profile.CORE, YAML).entity("component:default/shop").orElseThrow();
    assertThat(e.positionOf("metadata.namespace")).contains(at(3, 1));
    assertThat(e.positionOf(FieldPath.of("metadata", "annotations").key("backstage.io/managed-by-location")))
        .contains(at(5, 3));
    assertThat(e.positionOf("spec.system.deeper")).contains(at(7, 1));
    assertThatThrownBy(() -> e.positionOf("spec..x")).isInstanceOf(InvalidFieldPathException.class);
  }

  @Test
  void positionOf_providerEntity_empty() {
    EntityProviderTest.Holder h = new EntityProviderTest.Holder();
    Catalog c = Catalog.builder().provider(h).build();
    h.connection.get().applyMutation(new EntityProviderMutation.Full(
        List.of(DeferredEntity.of(EntityProviderTest.group("a", true)))));
    CatalogEntity e = c.snapshot().entity("group:default/a").orElseThrow();
    assertThat(e.positionOf("spec.type")).isEmpty();
    assertThat(e.position()).isEmpty();
  }
}
