package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntityQueryTest {

  @Test
  void builder_commaSeparatedFields_split() {
    EntityQuery q = EntityQuery.builder().fields("metadata.name, spec.type", "kind").build();
    assertThat(q.fields()).containsExactly("metadata.name", "spec.type", "kind");
    assertThat(q.limit()).isEqualTo(EntityQuery.NO_LIMIT);
  }

  @Test
  void build_arrayFieldOrBadLimit_rejected() {
    assertThatThrownBy(() -> EntityQuery.builder().fields("spec.items[0]").build())
        .isInstanceOf(CatalogException.class)
        .hasMessage("Invalid field \"spec.items[0]\", array type fields are not supported");
    assertThatThrownBy(() -> EntityQuery.builder().limit(0).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equality_sameQuery_equal() {
    assertThat(EntityQuery.builder().filter("kind=a").build()).isEqualTo(EntityQuery.builder().filter("KIND=A").build());
  }
}
