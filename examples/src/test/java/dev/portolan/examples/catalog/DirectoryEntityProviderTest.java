package dev.portolan.examples.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogChange;
import dev.portolan.catalog.model.EntityRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectoryEntityProviderTest {

  @Test
  void pushAllThenDeltas_catalogFollowsTheDirectory() {
    DirectoryEntityProvider hr = new DirectoryEntityProvider();
    Catalog catalog = Catalog.builder().provider(hr).build();
    CatalogChange first = hr.pushAll(Map.of("payments", List.of("ana", "bo")));
    assertThat(first.added()).hasSize(3);
    assertThat(catalog.snapshot().graph().members(EntityRef.parse("group:default/payments"), false))
        .containsExactlyInAnyOrder(EntityRef.parse("user:default/ana"), EntityRef.parse("user:default/bo"));
    assertThat(hr.joined("cy", "payments").added()).extracting(EntityRef::toString)
        .containsExactly("user:default/cy");
    CatalogChange left = hr.left("ana");
    assertThat(left.removed()).extracting(EntityRef::toString).containsExactly("user:default/ana");
    assertThat(left.updated()).extracting(EntityRef::toString).containsExactly("group:default/payments");
  }
}
