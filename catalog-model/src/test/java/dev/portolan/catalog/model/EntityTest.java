package dev.portolan.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.model.testing.CatalogArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EntityTest {

  private static final String JSON = """
      {"apiVersion":"backstage.io/v1alpha1","kind":"Group","metadata":{"name":"team-a","x-custom":{"k":[1,2]},
      "annotations":{"a/b":"c","n":1},"links":[{"url":"https://x","title":"X"}]},
      "spec":{"type":"team","children":[],"members":["u1",2]},"extra":true}
      """;

  @Test
  void accessors_readEnvelope() {
    Entity e = Entity.parseJson(JSON);
    assertThat(e.apiVersion()).isEqualTo("backstage.io/v1alpha1");
    assertThat(e.kind()).isEqualTo("Group");
    assertThat(e.ref()).contains(new EntityRef("Group", "default", "team-a"));
    assertThat(e.metadata().annotations()).containsExactly(java.util.Map.entry("a/b", "c"));
    assertThat(e.metadata().links()).singleElement().satisfies(l -> assertThat(l.title()).contains("X"));
    assertThat(e.metadata().namespaceOrDefault()).isEqualTo("default");
    assertThat(e.specStrings("members")).containsExactly("u1");
    assertThat(e.specString("type")).contains("team");
  }

  @Test
  void toJson_keepsUnknownFieldsAndOrder() {
    Entity e = Entity.parseJson(JSON);
    assertThat(e.toJsonString()).isEqualTo(JSON.replace("\n", ""));
    assertThat(e.at(FieldPath.of("metadata", "x-custom", "k")).orElseThrow().get(1).asInt()).isEqualTo(2);
  }

  @Test
  void toJson_isACopy() {
    Entity e = Entity.parseJson(JSON);
    e.toJson().put("kind", "User");
    e.spec().put("type", "x");
    assertThat(e.kind()).isEqualTo("Group");
    assertThat(e.specString("type")).contains("team");
  }

  @Test
  void of_nonObject_isRejected() {
    assertThatThrownBy(() -> Entity.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Entity.parseJson("[1]")).isInstanceOf(PortolanException.class);
  }

  @Test
  void accessors_missingFields_areEmpty() {
    Entity e = Entity.parseJson("{}");
    assertThat(e.kind()).isEmpty();
    assertThat(e.ref()).isEmpty();
    assertThat(e.spec().size()).isZero();
  }

  @Test
  void relations_readsOutputRelations() {
    Entity e = Entity.parseJson("{\"relations\":[{\"type\":\"ownedBy\",\"targetRef\":\"group:default/a\"},"
        + "{\"type\":1}]}");
    assertThat(e.relations()).containsExactly(new EntityRelation("ownedBy", "group:default/a"));
  }

  @Property
  void of_toJson_roundTrips(@ForAll("entities") ObjectNode json) {
    assertThat(Entity.of(json).toJson()).isEqualTo(json);
    assertThat(Entity.parseJson(Entity.of(json).toJsonString())).isEqualTo(Entity.of(json));
  }

  @Property(tries = 100)
  void yamlRead_json_roundTrips(@ForAll("entities") ObjectNode json) {
    JsonNode read = DocumentReader.create().read("e.json", json.toString()).get(0).json().orElseThrow();
    assertThat(read).isEqualTo(json);
  }

  @Test
  void toYamlString_quotesAmbiguousStrings() {
    Entity e = Entity.parseJson("{\"a\":\"0755\",\"b\":\"true\",\"c\":\"~\",\"d\":\"yes\",\"e\":1.5,\"f\":null}");
    String yaml = e.toYamlString();
    assertThat(DocumentReader.create().read("y", yaml).get(0).json()).contains(e.toJson());
    assertThat(yaml).contains("a: '0755'");
  }

  @Property(tries = 200)
  void toYamlString_readsBackEqual(@ForAll("entities") ObjectNode json, @ForAll("json") JsonNode extra) {
    json.set("x-extra", extra);
    Entity e = Entity.of(json);
    assertThat(DocumentReader.create().read("y", e.toYamlString()).get(0).json()).contains(json);
  }

  @Provide
  Arbitrary<JsonNode> json() {
    return CatalogArbitraries.jsonValues();
  }

  @Provide
  Arbitrary<ObjectNode> entities() {
    return CatalogArbitraries.validComponents();
  }
}
