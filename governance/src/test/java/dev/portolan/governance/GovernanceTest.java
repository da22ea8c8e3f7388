package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GovernanceTest {

  private static final String WAIVERS = String.join("\n",
      "waivers:",
      "  - id: W-1",
      "    rule: INV-02",
      "    entity: airesource:default/claims-triage-llm",
      "    justification: Base model registration pending.",
      "    approvedBy: group:default/ai-review-board",
      "    created: 2026-06-01",
      "    expires: 2026-09-01",
      "  - id: W-2",
      "    rule: INV-01",
      "    filter: kind=airesource,spec.type=dataset",
      "    justification: Data groups are synced next quarter.",
      "    approvedBy: group:default/ai-review-board",
      "    created: 2026-01-01",
      "    expires: 2026-06-30",
      "  - id: W-3",
      "    rule: EUA-01",
      "    entity: component:default/claims-portal",
      "    justification: Not allowed.",
      "    approvedBy: group:default/ai-review-board",
      "    expires: 2026-08-01",
      "  - id: W-4",
      "    rule: SEC-01",
      "    entity: api:default/claims-mcp",
      "    justification: Too long.",
      "    approvedBy: group:default/ai-review-board",
      "    created: 2026-01-01",
      "    expires: 2027-12-31",
      "  - id: W-5",
      "    rule: MDL-01",
      "    entity: airesource:default/claims-triage-llm",
      "    justification: Nothing to waive.",
      "    approvedBy: group:default/ai-review-board",
      "    expires: 2026-08-01",
      "");

  private static Governance withWaivers() {
    return Governance.builder().builtInPacks().clock(Fixtures.clock()).waivers(Waiver.parse(WAIVERS, "waivers.yaml")).build();
  }

  @Test
  void evaluate_exampleCatalog_matchesTheSpecifiedVerdicts() {
    Report r = Fixtures.builtIn().evaluate(Fixtures.example());
    assertThat(r.asOf()).isEqualTo(Fixtures.AS_OF);
    assertThat(r.results()).contains(
        new RuleResult("PRV-01", "component:default/claims-portal", RuleResult.Status.PASS),
        new RuleResult("AGT-05", "airesource:default/claims-ops-agent", RuleResult.Status.PASS),
        new RuleResult("INV-02", "airesource:default/claims-triage-llm", RuleResult.Status.FAIL),
        new RuleResult("INV-01", "airesource:default/claims-triage-llm", RuleResult.Status.FAIL));
    assertThat(r.results()).noneMatch(x -> x.rule().equals("AGT-04"));
    assertThat(r.findings().stream().filter(f -> f.rule().equals("INV-02")).map(f -> f.path().get(f.path().size() - 1)))
        .containsExactlyInAnyOrder("airesource:default/granite-3-8b-instruct", "airesource:default/claims-holdout-2025",
            "airesource:default/ticketing-agent");
  }

  @Test
  void evaluate_prv01WithStaleDpia_failsWithWitnessPath() {
    String yaml = Fixtures.resource("example-catalog.yaml").replace("date: 2026-04-20, expires: 2027-04-20", "date: 2025-04-20, expires: 2027-04-20");
    Report r = Fixtures.builtIn().evaluate(AssetCatalog.builder().addYaml(yaml, "c.yaml").build());
    Finding f = r.findings().stream().filter(x -> x.rule().equals("PRV-01")).findFirst().orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.path()).containsExactly("component:default/claims-portal", "usesModel", "airesource:default/claims-triage-llm",
        "trainedOn", "airesource:default/claims-history-2019-2024");
    assertThat(f.message()).contains("reaches personal data in airesource:default/claims-history-2019-2024")
        .contains("dated 2025-04-20, more than 365 days before 2026-07-01");
    assertThat(f.field()).contains("spec.governance.assessments");
    assertThat(f.location()).map(SourceLocation::line).contains(101);
  }

  @Test
  void evaluate_catalogCoreSnapshot_findingsPointAtTheFieldLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve("catalog-info.yaml"), Fixtures.resource("example-catalog.yaml"));
    AssetCatalog c = AssetCatalog.of(dev.portolan.catalog.core.Catalog.builder().location(dir).build().snapshot());
    Report r = Fixtures.builtIn().evaluate(c);
    Finding owner = r.findings().stream().filter(x -> x.rule().equals("INV-01")
        && x.entity().equals("airesource:default/claims-ops-agent")).findFirst().orElseThrow();
    assertThat(owner.field()).contains("spec.owner");
    assertThat(owner.location()).map(SourceLocation::line).contains(64);
    assertThat(owner.location()).map(SourceLocation::column).contains(10);
    Finding reviewers = r.findings().stream().filter(x -> x.rule().equals("AGT-01") && x.check().equals("reviewers"))
        .findFirst().orElseThrow();
    assertThat(reviewers.field()).contains("spec.humanOversight.reviewers");
    assertThat(reviewers.location()).map(SourceLocation::line).contains(79);
    com.fasterxml.jackson.databind.JsonNode sarif = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(ReportFormat.SARIF.write(r));
    assertThat(sarif.path("runs").get(0).path("results").findValues("startLine"))
        .extracting(com.fasterxml.jackson.databind.JsonNode::asInt).contains(64, 79, 101);
  }

  @Test
  void evaluate_laterDate_expiresEvidenceAndGrants() {
    Governance later = Governance.builder().builtInPacks().clock(Fixtures.clock(LocalDate.of(2026, 10, 1))).build();
    Report r = later.evaluate(Fixtures.example());
    assertThat(r.asOf()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("AGT-02");
      assertThat(f.message()).contains("more than 90 days before 2026-10-01");
    });
  }

  @Test
  void evaluate_sameInputs_sameReport() {
    Report a = Fixtures.builtIn().evaluate(Fixtures.example());
    Report b = Governance.builder().builtInPacks().clock(Fixtures.clock()).parallel(false).build().evaluate(Fixtures.example());
    assertThat(ReportFormat.JSON.write(a)).isEqualTo(ReportFormat.JSON.write(b));
  }

  @Test
  void waivers_applyExpireAndRejectAsSpecified() {
    Report r = withWaivers().evaluate(Fixtures.example());
    assertThat(r.waivers()).extracting(w -> w.waiver().id(), WaiverStatus::state).containsExactly(
        org.assertj.core.groups.Tuple.tuple("W-1", WaiverStatus.State.APPLIED),
        org.assertj.core.groups.Tuple.tuple("W-2", WaiverStatus.State.EXPIRED),
        org.assertj.core.groups.Tuple.tuple("W-3", WaiverStatus.State.INVALID),
        org.assertj.core.groups.Tuple.tuple("W-4", WaiverStatus.State.INVALID),
        org.assertj.core.groups.Tuple.tuple("W-5", WaiverStatus.State.UNUSED));
    assertThat(r.waivers().get(0).covered()).isEqualTo(2);
    assertThat(r.waivers().get(2).reason()).contains("rule EUA-01 is not waivable");
    assertThat(r.waivers().get(3).reason()).hasValueSatisfying(s -> assertThat(s).contains("longer than the 180-day cap"));
    List<Finding> inv02 = r.findings().stream().filter(f -> f.rule().equals("INV-02") && f.entity().endsWith("claims-triage-llm"))
        .collect(Collectors.toList());
    assertThat(inv02).hasSize(2).allMatch(Finding::waived).allMatch(f -> f.waiver().equals(Optional.of("W-1")));
    assertThat(r.results()).contains(new RuleResult("INV-02", "airesource:default/claims-triage-llm", RuleResult.Status.WAIVED));
    Finding dataset = r.findings().stream().filter(f -> f.rule().equals("INV-01") && f.entity().endsWith("claims-history-2019-2024"))
        .findFirst().orElseThrow();
    assertThat(dataset.waived()).isFalse();
    assertThat(dataset.notes()).containsExactly("waiver-expired: W-2 expired on 2026-06-30");
    Finding sec = r.findings().stream().filter(f -> f.rule().equals("SEC-01")).findFirst().orElseThrow();
    assertThat(sec.waived()).isFalse();
    assertThat(sec.notes()).singleElement().asString().startsWith("waiver-invalid: W-4");
  }

  @Test
  void waivers_cap_isConfigurable() {
    Report r = Governance.builder().builtInPacks().clock(Fixtures.clock()).maxWaiverDays(800)
        .waivers(Waiver.parse(WAIVERS, "w.yaml")).build().evaluate(Fixtures.example());
    assertThat(r.waivers().get(3).state()).isEqualTo(WaiverStatus.State.APPLIED);
  }

  @Test
  void baseline_onlyNewFindingsGate() {
    Report first = Fixtures.builtIn().evaluate(Fixtures.example());
    assertThat(first.fails(Severity.HIGH)).isTrue();
    Governance again = Governance.builder().builtInPacks().clock(Fixtures.clock()).baseline(Baseline.of(first)).build();
    Report same = again.evaluate(Fixtures.example());
    assertThat(same.findings()).isNotEmpty().noneMatch(Finding::isNew);
    assertThat(same.fails(Severity.LOW)).isFalse();
    String worse = Fixtures.resource("example-catalog.yaml").replace("permissions: [read, write]", "permissions: [read, write, admin]");
    Report next = again.evaluate(AssetCatalog.builder().addYaml(worse, "c.yaml").build());
    assertThat(next.gating(Severity.HIGH)).extracting(Finding::rule, Finding::check).containsExactly(
        org.assertj.core.groups.Tuple.tuple("AGT-05", "admin"));
    assertThat(next.results()).contains(new RuleResult("AGT-04", "airesource:default/claims-ops-agent", RuleResult.Status.PASS));
  }

  @Test
  void baseline_nonWaivableRule_alwaysGates() {
    String prohibited = Fixtures.resource("example-catalog.yaml").replace("riskTier: high", "riskTier: prohibited");
    AssetCatalog c = AssetCatalog.builder().addYaml(prohibited, "c.yaml").build();
    Report first = Fixtures.builtIn().evaluate(c);
    Report again = Governance.builder().builtInPacks().clock(Fixtures.clock()).baseline(Baseline.of(first)).build().evaluate(c);
    assertThat(again.gating(Severity.CRITICAL)).extracting(Finding::rule).containsExactly("EUA-01");
  }

  @Test
  void scorecards_levelsAndRollups() {
    String yaml = String.join("\n",
        "{apiVersion: backstage.io/v1alpha1, kind: Group, metadata: {name: org}, spec: {type: org, children: [ml]}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: Group, metadata: {name: ml}, spec: {type: team, parent: org, children: [], members: [u]}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: System, metadata: {name: s}, spec: {owner: ml}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: AiResource, metadata: {name: good}, spec: {type: dataset, owner: ml, system: s}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: AiResource, metadata: {name: bad}, spec: {type: dataset, owner: ml, system: s, personalData: {present: maybe}}}");
    Rule bronze = Rule.builder("B-1").title("has license").severity(Severity.HIGH).level("bronze")
        .scope(Scope.kinds("AiResource"))
        .check((a, ctx) -> CheckOutcome.pass()).build();
    Rule silver = Rule.builder("S-1").title("declares personal data").severity(Severity.MEDIUM).level("silver")
        .scope(Scope.types("dataset"))
        .check((a, ctx) -> a.text("spec.personalData.present").isPresent()
            ? CheckOutcome.pass() : CheckOutcome.fail(List.of(Violation.of("no personalData.present", List.of(a.ref())))))
        .build();
    Report r = Governance.builder().rule(bronze).rule(silver).clock(Fixtures.clock()).build().evaluate(Fixtures.catalog(yaml));
    assertThat(r.levels()).containsExactly("bronze", "silver", "gold");
    assertThat(r.entityScores()).extracting(EntityScore::entity, EntityScore::level, EntityScore::score).containsExactly(
        org.assertj.core.groups.Tuple.tuple("airesource:default/bad", Optional.of("gold"), 100),
        org.assertj.core.groups.Tuple.tuple("airesource:default/good", Optional.of("bronze"), 71));
    assertThat(r.rollups()).extracting(Rollup::scope, Rollup::ref, Rollup::entities).containsExactly(
        org.assertj.core.groups.Tuple.tuple("group", "group:default/ml", 2),
        org.assertj.core.groups.Tuple.tuple("group", "group:default/org", 2),
        org.assertj.core.groups.Tuple.tuple("system", "system:default/s", 2));
    assertThat(r.rollups().get(0).levels()).containsEntry("gold", 1).containsEntry("bronze", 1);
  }

  @Test
  void javaRule_throwing_isReportedAsErrorNotCrash() {
    Rule boom = Rule.builder("X-1").title("boom").check((a, ctx) -> {
      throw new IllegalStateException("bad state");
    }).build();
    Report r = Governance.builder().rule(boom).clock(Fixtures.clock()).build().evaluate(Fixtures.example());
    assertThat(r.findings()).hasSize(6).allSatisfy(f -> {
      assertThat(f.error()).isTrue();
      assertThat(f.message()).contains("IllegalStateException: bad state");
    });
    assertThat(r.results()).allMatch(x -> x.status() == RuleResult.Status.ERROR);
  }

  @Test
  void builder_duplicateRuleId_isRejected() {
    assertThatThrownBy(() -> Governance.builder().builtInPacks().pack(RulePack.builtIn(RulePack.AGENT_SECURITY)))
        .isInstanceOf(GovernanceException.class).hasMessageContaining("AGT-01");
  }

  @Test
  void builder_undefinedPredicate_isRejected() {
    RulePack p = RulePack.parse("rules:\n  - {id: U-1, title: t, severity: low, require: '@nowhere'}\n", "p.yaml");
    assertThatThrownBy(() -> Governance.builder().pack(p).build()).hasMessageContaining("U-1: expected a defined predicate, found '@nowhere'");
  }

  @Test
  void builder_predicateOverride_changesWhatRulesSee() {
    Governance strict = Governance.builder().builtInPacks().clock(Fixtures.clock())
        .predicate("productionFacing", "field: spec.lifecycle\nequals: production").build();
    String internal = Fixtures.resource("example-catalog.yaml").replace("exposure: internet", "exposure: internal")
        .replace("date: 2026-04-20, expires: 2027-04-20", "date: 2024-04-20, expires: 2027-04-20");
    AssetCatalog c = AssetCatalog.builder().addYaml(internal, "c.yaml").build();
    assertThat(Fixtures.builtIn().evaluate(c).findings()).noneMatch(f -> f.rule().equals("PRV-01"));
    assertThat(strict.evaluate(c).findings()).anyMatch(f -> f.rule().equals("PRV-01"));
  }

  @Test
  void withoutRule_removesABuiltIn() {
    Governance g = Governance.builder().builtInPacks().withoutRule("SEC-02").clock(Fixtures.clock()).build();
    assertThat(g.rules()).hasSize(29).noneMatch(r -> r.id().equals("SEC-02"));
  }
}
