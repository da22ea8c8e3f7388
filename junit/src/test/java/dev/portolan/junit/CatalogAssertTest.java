package dev.portolan.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.governance.Governance;
import dev.portolan.governance.RulePack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CatalogAssertTest {

  private static final String DIR = "src/test/resources/catalogs/";
  private static final String BROKEN = DIR + "broken/catalog-info.yaml";
  private static final String GOVERNED = DIR + "governed/catalog-info.yaml";

  private static final Catalog HEALTHY = Catalog.builder().location(DIR + "healthy").build();
  private static final Catalog BROKEN_CATALOG = Catalog.builder().location(DIR + "broken").build();
  private static final Catalog GOVERNED_CATALOG = Catalog.builder().location(GOVERNED).build();

  private static final String BAD_NAME = BROKEN + ":40:9: component:default/bad_name!: metadata.name: expected a "
      + "string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total, "
      + "found \"Bad_Name!\" [policy]";
  private static final String GHOST_OWNER = BROKEN + ":33:10: component:default/payments: spec.owner: ownedBy "
      + "relation to group:default/ghost-team, which is not in the catalog";
  private static final String MISSING_SYSTEM = BROKEN + ":34:11: component:default/payments: spec.system: partOf "
      + "relation to system:default/money, which is not in the catalog";
  private static final String CYCLE = BROKEN + ":16:1: component:default/checkout: spec.dependsOn: dependsOn cycle: "
      + "component:default/checkout -> component:default/payments -> component:default/checkout";

  private static Governance teamRules() {
    return Governance.builder()
        .pack(RulePack.load(Path.of(DIR + "governed/team-rules.yaml")))
        .clock(Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC))
        .build();
  }

  @Test
  void everyAssertion_healthyCatalog_passes() {
    CatalogAssert.assertThat(HEALTHY)
        .hasNoErrors()
        .allEntitiesValid()
        .hasNoDanglingRefs()
        .hasNoDependsOnCycles()
        .hasNoConflicts()
        .everyComponentOwnedByExistingGroup()
        .everyProductionServiceInASystem()
        .passesGovernanceAt("gold")
        .passesGovernanceAt(teamRules(), "bronze")
        .allMatch(e -> e.entity().metadata().description().isPresent(), "have a description")
        .allMatch("kind=component", e -> e.entity().spec().has("owner"), "name an owner");
  }

  @Test
  void assertThat_snapshotOrCatalog_sameVerdicts() {
    CatalogSnapshot s = HEALTHY.snapshot();
    CatalogAssert.assertThat(s).hasNoErrors();
    assertThatThrownBy(() -> CatalogAssert.assertThat(BROKEN_CATALOG.snapshot()).hasNoDependsOnCycles())
        .hasMessage("Expecting the catalog to have no dependsOn cycles, but 1 problem was found:\n  " + CYCLE);
  }

  @Test
  void hasNoErrors_brokenCatalog_listsEveryError() {
    assertThatThrownBy(() -> CatalogAssert.assertThat(BROKEN_CATALOG).hasNoErrors())
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting the catalog to have no errors, but 4 problems were found:\n  " + BAD_NAME + "\n  "
            + GHOST_OWNER + "\n  " + MISSING_SYSTEM + "\n  " + CYCLE);
  }

  @Test
  void allEntitiesValid_invalidDocument_namesFileLineAndField() {
    assertThatThrownBy(() -> CatalogAssert.assertThat(BROKEN_CATALOG).allEntitiesValid())
        .hasMessage("Expecting the catalog to have only valid entities, but 1 problem was found:\n  " + BAD_NAME);
  }

  @Test
  void hasNoDanglingRefs_missingOwnerAndSystem_listsBoth() {
    assertThatThrownBy(() -> CatalogAssert.assertThat(BROKEN_CATALOG).hasNoDanglingRefs())
        .hasMessage("Expecting the catalog to have no relations to missing entities, but 2 problems were found:\n  "
            + GHOST_OWNER + "\n  " + MISSING_SYSTEM);
  }

  @Test
  void hasNoDependsOnCycles_cycle_showsThePath() {
    assertThatThrownBy(() -> CatalogAssert.assertThat(BROKEN_CATALOG).hasNoDependsOnCycles())
        .hasMessage("Expecting the catalog to have no dependsOn cycles, but 1 problem was found:\n  " + CYCLE);
  }

  @Test
  void hasNoConflicts_sameRefInTwoLocations_fails() {
    Catalog twice = Catalog.builder().location(DIR + "healthy/catalog-info.yaml").location(DIR + "conflict").build();
    assertThatThrownBy(() -> CatalogAssert.assertThat(twice).hasNoConflicts())
        .hasMessageStartingWith("Expecting the catalog to have no entity claimed by two locations, but 1 problem "
            + "was found:\n  " + DIR + "conflict/catalog-info.yaml:1:1: component:default/cart: ")
        .hasMessageContaining(DIR + "healthy/catalog-info.yaml");
  }

  @Test
  void everyComponentOwnedByExistingGroup_userAndMissingGroup_listsBoth() {
    assertThatThrownBy(() -> CatalogAssert.assertThat(BROKEN_CATALOG).everyComponentOwnedByExistingGroup())
        .hasMessage("Expecting every Component to be owned by a Group of the catalog, but 2 entities do not:\n"
            + "  " + BROKEN + ":16:1: component:default/checkout: spec.owner: expected a Group of the catalog, "
            + "found user:default/jane\n"
            + "  " + BROKEN + ":26:1: component:default/payments: spec.owner: expected a Group of the catalog, "
            + "found group:default/ghost-team (not in the catalog)");
  }

  @Test
  void everyProductionServiceInASystem_noneOrMissingSystem_listsBoth() {
    assertThatThrownBy(() -> CatalogAssert.assertThat(BROKEN_CATALOG).everyProductionServiceInASystem())
        .hasMessage("Expecting every production service to be part of a System of the catalog, but 2 entities do "
            + "not:\n"
            + "  " + BROKEN + ":16:1: component:default/checkout: spec.system: expected a System of the catalog, "
            + "found nothing\n"
            + "  " + BROKEN + ":26:1: component:default/payments: spec.system: expected a System of the catalog, "
            + "found system:default/money (not in the catalog)");
  }

  @Test
  void everyProductionServiceInASystem_experimentalServiceWithoutSystem_passes() {
    CatalogAssert.assertThat(HEALTHY).allMatch("kind=component,spec.lifecycle=experimental",
        e -> !e.entity().spec().has("system"), "lack a system");
    CatalogAssert.assertThat(HEALTHY).everyProductionServiceInASystem();
  }

  @Test
  void passesGovernanceAt_entitiesBelowLevel_listsThemWithTheBlockingRules() {
    assertThatThrownBy(() -> CatalogAssert.assertThat(GOVERNED_CATALOG).passesGovernanceAt(teamRules(), "silver"))
        .hasMessage("Expecting every entity to reach governance level silver, but 2 entities do not:\n"
            + "  " + GOVERNED + ":21:1: component:default/crawler: reaches bronze, expected silver: TEAM-02 (low): "
            + "component:default/crawler names no system\n"
            + "  " + GOVERNED + ":12:1: component:default/indexer: reaches no level, expected silver: TEAM-01 "
            + "(high): component:default/indexer has no description; TEAM-02 (low): component:default/indexer "
            + "names no system");
  }

  @Test
  void passesGovernanceAt_lowerLevel_onlyThatLevelsRulesCount() {
    assertThatThrownBy(() -> CatalogAssert.assertThat(GOVERNED_CATALOG).passesGovernanceAt(teamRules(), "Bronze"))
        .hasMessage("Expecting every entity to reach governance level bronze, but 1 entity does not:\n"
            + "  " + GOVERNED + ":12:1: component:default/indexer: reaches no level, expected bronze: TEAM-01 "
            + "(high): component:default/indexer has no description");
  }

  @Test
  void passesGovernanceAt_unknownLevel_throwsIllegalArgument() {
    assertThatThrownBy(() -> CatalogAssert.assertThat(HEALTHY).passesGovernanceAt(teamRules(), "platinum"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level: expected one of bronze, silver, gold, found 'platinum'");
  }

  @Test
  void allMatch_someEntitiesFail_listsThemWithTheDescription() {
    assertThatThrownBy(() -> CatalogAssert.assertThat(BROKEN_CATALOG)
        .allMatch(e -> e.entity().metadata().description().isPresent(), "have a description"))
        .hasMessage("Expecting every entity to have a description, but 4 entities do not:\n"
            + "  " + BROKEN + ":16:1: component:default/checkout: does not have a description\n"
            + "  " + BROKEN + ":26:1: component:default/payments: does not have a description\n"
            + "  " + BROKEN + ":1:1: group:default/shop-team: does not have a description\n"
            + "  " + BROKEN + ":9:1: user:default/jane: does not have a description");
  }

  @Test
  void allMatch_withFilter_onlyFilteredEntitiesCount() {
    assertThatThrownBy(() -> CatalogAssert.assertThat(BROKEN_CATALOG)
        .allMatch("kind=user", e -> e.entity().metadata().description().isPresent(), "have a description"))
        .hasMessage("Expecting every entity matching kind=user to have a description, but 1 entity does not:\n"
            + "  " + BROKEN + ":9:1: user:default/jane: does not have a description");
  }

  @Test
  void as_description_prefixesTheMessage() {
    assertThatThrownBy(() -> CatalogAssert.assertThat(BROKEN_CATALOG).as("shop catalog").hasNoDependsOnCycles())
        .hasMessage("[shop catalog] Expecting the catalog to have no dependsOn cycles, but 1 problem was found:\n  "
            + CYCLE);
  }

  @Test
  void assertion_nullCatalog_failsAsAssertJDoes() {
    assertThatThrownBy(() -> CatalogAssert.assertThat((CatalogSnapshot) null).hasNoErrors())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
    assertThatThrownBy(() -> CatalogAssert.assertThat((Catalog) null).allEntitiesValid())
        .hasMessageContaining("Expecting actual not to be null");
  }

  @Test
  void message_percentSignsInData_keptVerbatim() {
    assertThatThrownBy(() -> CatalogAssert.assertThat(BROKEN_CATALOG).allMatch(e -> false, "score 100%s"))
        .hasMessageStartingWith("Expecting every entity to score 100%s, but 4 entities do not:");
    assertThat(CatalogAssert.assertThat(HEALTHY).allMatch(e -> true, "be anything")).isNotNull();
  }
}
