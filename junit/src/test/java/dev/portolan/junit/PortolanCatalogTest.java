package dev.portolan.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.model.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The annotation as a team uses it: on its own invariants test class. */
@PortolanCatalog(paths = "src/test/resources/catalogs/healthy")
class PortolanCatalogTest {

  private static CatalogSnapshot loadedBeforeAll;

  @BeforeAll
  static void load(CatalogSnapshot snapshot) {
    loadedBeforeAll = snapshot;
  }

  @Test
  void annotation_defaults_appProfileAndEveryLocation(Catalog catalog) {
    assertThat(catalog.profile()).isEqualTo(Profile.APP);
    assertThat(catalog.locations()).containsExactly("src/test/resources/catalogs/healthy");
    assertThat(catalog.snapshot()).isSameAs(loadedBeforeAll);
  }

  @Test
  void annotation_healthyCatalog_invariantsHold(CatalogSnapshot catalog) {
    CatalogAssert.assertThat(catalog)
        .allEntitiesValid()
        .hasNoDanglingRefs()
        .hasNoDependsOnCycles()
        .everyComponentOwnedByExistingGroup()
        .everyProductionServiceInASystem();
    assertThat(catalog.size()).isEqualTo(4);
  }

  @Nested
  class WhenNested {
    @Test
    void annotation_enclosingClass_catalogInjected(CatalogSnapshot catalog) {
      assertThat(catalog).isSameAs(loadedBeforeAll);
    }
  }
}
