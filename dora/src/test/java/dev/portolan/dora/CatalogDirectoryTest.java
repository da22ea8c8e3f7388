package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.core.Catalog;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogDirectoryTest {

  static CatalogDirectory directory() {
    try {
      Path dir = Path.of(CatalogDirectoryTest.class.getResource("/catalog/catalog-info.yaml").toURI());
      return CatalogDirectory.of(Catalog.builder().location(dir).build().snapshot());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void place_annotatedComponent_matchedByAnnotationWithOwnerChainSystemAndDomain() {
    assertThat(directory().place("api"))
        .contains(
            new ServicePlacement(
                "component:default/payments-service",
                List.of("group:default/payments", "group:default/commerce", "group:default/engineering"),
                Optional.of("system:default/checkout-system"), Optional.of("domain:default/shop")));
  }

  @Test
  void place_componentName_matchedByName() {
    ServicePlacement web = directory().place("web").orElseThrow();
    assertThat(web.ownerChain()).containsExactly("group:default/commerce", "group:default/engineering");
    ServicePlacement deployer = directory().place("deployer").orElseThrow();
    assertThat(deployer.system()).isEmpty();
    assertThat(deployer.groups(GroupBy.DOMAIN)).isEmpty();
  }

  @Test
  void place_unknownService_empty() {
    assertThat(directory().place("nope")).isEmpty();
  }

  @Test
  void rollup_scenarioByTeam_poolsSubTeamsAndListsUnmapped() {
    Path scenario = ReferenceComparison.sharedDir().resolve("oracle/dora/fixtures/scenario.jsonl");
    DoraCalculator c =
        DoraCalculator.builder().window(Window.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 29))).build();
    DoraData data = c.load(List.of(scenario));
    Rollup byTeam = c.rollup(data, directory(), GroupBy.TEAM);

    assertThat(byTeam.groups().keySet())
        .containsExactly("group:default/commerce", "group:default/engineering", "group:default/payments");
    DoraReport r = c.report(data);
    assertThat(byTeam.groups().get("group:default/payments").metrics()).isEqualTo(r.service("api").orElseThrow());
    assertThat(byTeam.groups().get("group:default/engineering").metrics()).isEqualTo(r.overall());
    assertThat(byTeam.groups().get("group:default/commerce").services()).containsExactly("api", "web");
    assertThat(byTeam.unmapped()).isEmpty();

    Rollup byDomain = c.rollup(data, directory(), GroupBy.DOMAIN);
    assertThat(byDomain.groups().get("domain:default/shop").metrics().deploymentFrequency().deployments())
        .isEqualTo(6);

    Rollup partial = c.rollup(data, ServiceDirectory.of(java.util.Map.of()), GroupBy.SYSTEM);
    assertThat(partial.unmapped()).containsExactly("api", "web");
    assertThat(partial.groups()).isEmpty();
  }
}
