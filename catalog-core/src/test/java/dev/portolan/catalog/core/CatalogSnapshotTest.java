package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.model.Profile;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogSnapshotTest {

  static final String YAML = EntityGraphTest.ORG
      + EntityGraphTest.comp("a", "team-a", "shop").replace("type: service", "type: Service")
      + EntityGraphTest.comp("b", "org", null).replace("type: service", "type: website")
      + EntityGraphTest.comp("c", "org", "shop").replace("metadata:\n", "metadata:\n  tags: [java, kotlin]\n");

  @Test
  void filter_backstageSemantics_andOrExistsCaseInsensitive() throws IOException {
    CatalogSnapshot s = EntityGraphTest.load(Profile.CORE, YAML);
    assertThat(s.filter("kind=component,spec.type=service")).extracting(e -> e.ref().name())
        .containsExactly("a", "c");
    assertThat(s.filter("KIND=Component, spec.type=WEBSITE")).extracting(e -> e.ref().name()).containsExactly("b");
    assertThat(s.filter("spec.type=website", "kind=system")).extracting(e -> e.ref().name())
        .containsExactly("b", "shop");
    assertThat(s.filter("metadata.tags.kotlin")).extracting(e -> e.ref().name()).containsExactly("c");
    assertThat(s.filter("metadata.tags=java")).extracting(e -> e.ref().name()).containsExactly("c");
    assertThat(s.filter("kind=component,kind=system")).hasSize(4);
    assertThat(s.filter("relations.ownedby=group:default/org,kind=component")).extracting(e -> e.ref().name())
        .containsExactly("b", "c");
    assertThat(s.filter("metadata.annotations.backstage.io/managed-by-location")).hasSize(s.size());
    assertThat(s.filter("spec.system")).extracting(e -> e.ref().name()).containsExactly("a", "c");
    assertThatThrownBy(() -> s.filter("=x")).isInstanceOf(CatalogException.class)
        .hasMessageContaining("is not a valid statement");
  }

  @Test
  void query_orderFieldsAndCursor_pagesThroughEverything() throws IOException {
    CatalogSnapshot s = EntityGraphTest.load(Profile.CORE, YAML);
    QueryResult first = s.query(EntityQuery.builder().filter("kind=component").orderBy("metadata.name", true)
        .fields("metadata.name", "spec.type").limit(2).build());
    assertThat(first.totalItems()).isEqualTo(3);
    assertThat(first.items()).extracting(e -> e.ref().name()).containsExactly("c", "b");
    ObjectNode p = first.projected().get(0);
    assertThat(p.toString()).isEqualTo("{\"metadata\":{\"name\":\"c\"},\"spec\":{\"type\":\"service\"}}");
    QueryResult second = s.query(EntityQuery.builder().cursor(first.nextCursor().orElseThrow()).limit(2).build());
    assertThat(second.items()).extracting(e -> e.ref().name()).containsExactly("a");
    assertThat(second.nextCursor()).isEmpty();
    assertThat(second.prevCursor()).isPresent();
    assertThatThrownBy(() -> s.query(EntityQuery.builder().cursor("nope").build()))
        .isInstanceOf(CatalogException.class);
  }

  @Test
  void facets_tagsAndTypes_countedByOriginalCase() throws IOException {
    CatalogSnapshot s = EntityGraphTest.load(Profile.CORE, YAML);
    Map<String, List<FacetCount>> f = s.facets(List.of("spec.type", "metadata.tags"), List.of("kind=component"));
    assertThat(f.get("spec.type")).containsExactly(new FacetCount("Service", 1), new FacetCount("service", 1),
        new FacetCount("website", 1));
    assertThat(f.get("metadata.tags")).containsExactly(new FacetCount("java", 1), new FacetCount("kotlin", 1));
  }

  @Test
  void entity_byRefCaseInsensitive_found() throws IOException {
    CatalogSnapshot s = EntityGraphTest.load(Profile.CORE, YAML);
    assertThat(s.entity("Component:Default/A")).isPresent();
    assertThat(s.entity("component:default/zzz")).isEmpty();
  }
}
