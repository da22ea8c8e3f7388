package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class DoraCalculatorTest {

  static final Window JAN = Window.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 29));

  static Instant t(String s) {
    return Instant.parse(s);
  }

  static DoraReport report(List<? extends DeliveryEvent> events) {
    DoraCalculator c = DoraCalculator.builder().window(JAN).build();
    return c.report(c.load(events));
  }

  static DoraReport reportJsonl(String text) {
    DoraCalculator c = DoraCalculator.builder().window(JAN).build();
    return c.report(
        c.loader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "events.jsonl").load());
  }

  @Test
  void report_deploymentRecordsWithDifferentCommits_unionOfTheirCommits() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      // 20 distinct shas, each twice: more than a short list, so made distinct by sorting.
      many.append(i == 0 ? "" : ",").append("\"m").append(i % 20).append('"');
    }
    String dep = "{\"type\":\"deployment\",\"id\":\"%s\",\"service\":\"api\",\"environment\":\"production\","
        + "\"status\":\"success\",\"finished_at\":\"2024-01-10T00:00:00Z\",\"commits\":[%s]}\n";
    StringBuilder text = new StringBuilder();
    text.append(String.format(dep, "d1", "\"a\",\"b\",\"a\""));
    text.append(String.format(dep, "d1", "\"c\""));
    text.append(String.format(dep, "d1", ""));
    text.append(String.format(dep, "d1", "\"b\",\"a\",\"d\""));
    text.append(String.format(dep, "d2", many));
    text.append(String.format(dep, "d2", "\"m3\",\"m1\""));
    text.append(String.format(dep, "d3", ""));
    text.append(String.format(dep, "d3", "\"e\",\"e\""));
    for (String sha : new String[] {"a", "b", "c", "d", "e"}) {
      text.append("{\"type\":\"change\",\"sha\":\"").append(sha)
          .append("\",\"committed_at\":\"2024-01-09T00:00:00Z\"}\n");
    }
    DoraReport r = reportJsonl(text.toString());
    // d1 delivers a, b, c, d; d2 the 20 m-shas; d3 delivers e.
    assertThat(r.diagnostics().get("delivered_changes")).isEqualTo(4 + 20 + 1);
    assertThat(r.diagnostics().get("delivered_changes_unknown_commit_time")).isEqualTo(20);
    assertThat(r.overall().leadTime().durations().count()).isEqualTo(5);
    assertThat(r.diagnostics().get("deployments_unique")).isEqualTo(3);
  }

  /**
   * An id beyond ISO-8859-1 ("\u0101", whose UTF-16 bytes are those of the Latin-1 id "\u0001\u0001") is a
   * deployment of its own, and rollback targets and incidents find the right one.
   */
  @Test
  void report_idsBeyondLatin1_keptApartFromLatin1IdsWithTheSameBytes() {
    String dep = "{\"type\":\"deployment\",\"id\":\"%s\",\"service\":\"api\",\"environment\":\"production\","
        + "\"status\":\"success\",\"finished_at\":\"2024-01-%02dT00:00:00Z\"%s}\n";
    String wide = "\u0101";
    String narrow = "\\u0001\\u0001";
    StringBuilder text = new StringBuilder();
    text.append(String.format(dep, wide, 10, ""));
    text.append(String.format(dep, narrow, 11, ""));
    text.append(String.format(dep, wide, 10, ""));
    // Rolls back the wide one, named directly, though the narrow one is the later deployment.
    text.append(String.format(dep, "rb", 12, ",\"is_rollback\":true,\"rollback_of\":\"" + wide + "\""));
    text.append("{\"type\":\"incident\",\"id\":\"i1\",\"service\":\"api\",\"opened_at\":\"2024-01-11T01:00:00Z\","
        + "\"resolved_at\":\"2024-01-11T03:00:00Z\",\"caused_by_deployment\":\"" + narrow + "\"}\n");
    text.append("{\"type\":\"incident\",\"id\":\"i2\",\"service\":\"api\",\"opened_at\":\"2024-01-13T01:00:00Z\","
        + "\"caused_by_deployment\":\"\u00e9\u0101-none\"}\n");
    DoraReport r = reportJsonl(text.toString());
    assertThat(r.diagnostics().get("deployments_unique")).isEqualTo(3);
    assertThat(r.diagnostics().get("incidents_linked_by_deployment_id")).isEqualTo(1);
    assertThat(r.diagnostics().get("incidents_unlinked")).isEqualTo(1);
    // Failed: the wide one (rolled back at 12 after finishing at 10) and the narrow one (incident i1).
    assertThat(r.diagnostics().get("deployments_failed")).isEqualTo(2);
    assertThat(r.overall().failedDeploymentRecoveryTime().durations().count()).isEqualTo(2);
    assertThat(r.overall().failedDeploymentRecoveryTime().durations().medianSeconds())
        .hasValueCloseTo((2 * 86_400 + 3 * 3_600) / 2.0, within(1e-6));
  }

  /** Enough deployments and samples that a report computes services on several threads. */
  @Test
  void report_largeModelOnSeveralThreads_sameAsOneThread() {
    List<DeliveryEvent> events = new ArrayList<>();
    Random r = new Random(11);
    Instant start = t("2024-01-01T00:00:00Z");
    for (int k = 0; k < 24_000; k++) {
      String service = "svc-" + (k % 300);
      Instant fin = start.plusSeconds(r.nextInt(28 * 86_400));
      String sha = String.format(java.util.Locale.ROOT, "%040x", k);
      events.add(ChangeEvent.of(sha, fin.minusSeconds(r.nextInt(5 * 86_400))));
      DeploymentEvent d = DeploymentEvent.production("d" + k, service, fin, List.of(sha));
      events.add(k % 17 == 0 ? d.asHotfix() : d);
      if (k % 23 == 0) {
        events.add(IncidentEvent.of("i" + k, service, fin.plusSeconds(60)));
      }
    }
    DoraCalculator one = DoraCalculator.builder().window(JAN).threads(1).build();
    DoraCalculator three = DoraCalculator.builder().window(JAN).threads(3).build();
    DoraData data = one.load(events);
    assertThat(data.model().large()).isTrue();
    assertThat(ReferenceComparison.toJson(three.report(data)))
        .isEqualTo(ReferenceComparison.toJson(one.report(data)));
    assertThat(ReferenceComparison.toJson(three.report(three.load(events))))
        .isEqualTo(ReferenceComparison.toJson(one.report(data)));
    assertThat(one.report(data).services()).hasSize(300);
  }

  @Test
  void report_deploymentsAtWindowBounds_startIncludedEndExcluded() {
    DoraReport r =
        report(
            List.of(
                DeploymentEvent.production("a", "api", t("2024-01-01T00:00:00Z"), List.of()),
                DeploymentEvent.production("b", "api", t("2023-12-31T23:59:59.999999Z"), List.of()),
                DeploymentEvent.production("c", "api", t("2024-01-29T00:00:00Z"), List.of()),
                DeploymentEvent.production("d", "api", t("2024-01-28T23:59:59.999999Z"), List.of())));
    assertThat(r.overall().deploymentFrequency().deployments()).isEqualTo(2);
    assertThat(r.overall().deploymentFrequency().deploymentDays()).isEqualTo(2);
  }

  @Test
  void report_microsecondLeadTime_exactToTheMicrosecond() {
    DoraReport r =
        report(
            List.of(
                ChangeEvent.of("c1", t("2024-01-02T10:00:00.000001Z")),
                DeploymentEvent.production("a", "api", t("2024-01-02T10:00:00.000003Z"), List.of("c1"))));
    assertThat(r.overall().leadTime().durations().medianSeconds()).hasValue(0.000002);
    assertThat(r.overall().leadTime().tier()).contains(Tier.ELITE);
  }

  @Test
  void report_zeroLeadTimeKept_negativeCounted() {
    DoraReport r =
        report(
            List.of(
                ChangeEvent.of("c1", t("2024-01-02T10:00:00Z")),
                ChangeEvent.of("c2", t("2024-01-02T10:00:01Z")),
                DeploymentEvent.production("a", "api", t("2024-01-02T10:00:00Z"), List.of("c1", "c2", "c3"))));
    assertThat(r.overall().leadTime().durations().count()).isEqualTo(1);
    assertThat(r.overall().leadTime().durations().medianSeconds()).hasValue(0.0);
    assertThat(r.diagnostics().get("delivered_changes_negative_lead_time")).isEqualTo(1);
    assertThat(r.diagnostics().get("delivered_changes_unknown_commit_time")).isEqualTo(1);
  }

  @Test
  void report_rollbackWithoutTarget_rollsBackThePreviousDeploymentOfItsService() {
    DoraReport r =
        report(
            List.of(
                DeploymentEvent.production("a", "api", t("2024-01-02T10:00:00Z"), List.of()),
                DeploymentEvent.production("w", "web", t("2024-01-02T10:30:00Z"), List.of()),
                DeploymentEvent.production("rb", "api", t("2024-01-02T11:00:00Z"), List.of())
                    .asRollback(Optional.empty())));
    ScopeMetrics api = r.service("api").orElseThrow();
    assertThat(api.changeFailureRate().failedDeployments()).isEqualTo(1);
    assertThat(api.failedDeploymentRecoveryTime().durations().medianSeconds()).hasValue(3600.0);
    assertThat(api.reworkRate().reworkDeployments()).isEqualTo(1);
    assertThat(r.service("web").orElseThrow().changeFailureRate().failedDeployments()).isZero();
  }

  @Test
  void report_rollbackOfAnotherServiceOrALaterDeployment_fallsBackToThePreviousOne() {
    DoraReport r =
        report(
            List.of(
                DeploymentEvent.production("a", "api", t("2024-01-02T10:00:00Z"), List.of()),
                DeploymentEvent.production("w", "web", t("2024-01-02T09:00:00Z"), List.of()),
                DeploymentEvent.production("later", "api", t("2024-01-03T10:00:00Z"), List.of()),
                DeploymentEvent.production("rb1", "api", t("2024-01-02T12:00:00Z"), List.of())
                    .asRollback(Optional.of("w")),
                DeploymentEvent.production("rb2", "api", t("2024-01-02T13:00:00Z"), List.of())
                    .asRollback(Optional.of("later"))));
    assertThat(r.service("web").orElseThrow().changeFailureRate().failedDeployments()).isZero();
    ScopeMetrics api = r.service("api").orElseThrow();
    assertThat(api.changeFailureRate().failedDeployments()).isEqualTo(1);
    assertThat(api.failedDeploymentRecoveryTime().durations().medianSeconds()).hasValue(7200.0);
  }

  @Test
  void report_rolledBackCommitsRedelivered_countOnceFromTheirFirstDelivery() {
    DoraReport r =
        report(
            List.of(
                ChangeEvent.of("c1", t("2024-01-02T00:00:00Z")),
                DeploymentEvent.production("a", "api", t("2024-01-02T01:00:00Z"), List.of("c1")),
                DeploymentEvent.production("rb", "api", t("2024-01-02T02:00:00Z"), List.of("c1"))
                    .asRollback(Optional.of("a")),
                DeploymentEvent.production("b", "api", t("2024-01-02T05:00:00Z"), List.of("c1"))));
    assertThat(r.overall().leadTime().durations().count()).isEqualTo(1);
    assertThat(r.overall().leadTime().durations().medianSeconds()).hasValue(3600.0);
  }

  @Test
  void report_openFailureAtWindowEnd_countedOpenNotSampled() {
    DoraReport r =
        report(
            List.of(
                DeploymentEvent.production("a", "api", t("2024-01-28T23:00:00Z"), List.of()),
                IncidentEvent.of("i1", "api", t("2024-01-28T23:30:00Z"))
                    .withResolvedAt(t("2024-02-02T00:00:00Z"))
                    .withCausedByDeployment("a"),
                IncidentEvent.of("i2", "api", t("2024-01-28T23:40:00Z")).withCausedByDeployment("a")));
    ScopeMetrics.FailedDeploymentRecoveryTime rec = r.overall().failedDeploymentRecoveryTime();
    assertThat(rec.openFailures()).isEqualTo(1);
    assertThat(rec.durations().count()).isZero();
    assertThat(r.overall().changeFailureRate().rate()).hasValue(1.0);
    assertThat(r.overall().timeToRestore().openIncidents()).isEqualTo(1);
  }

  @Test
  void report_incidentResolvedAfterTheWindow_stillRestoresItsDeployment() {
    DoraReport r =
        report(
            List.of(
                DeploymentEvent.production("a", "api", t("2024-01-28T00:00:00Z"), List.of()),
                new IncidentEvent(
                    "i1", "api", t("2024-02-01T00:00:00Z"), Optional.of(t("2024-02-03T00:00:00Z")), Optional.of("a"),
                    Optional.empty())));
    assertThat(r.overall().failedDeploymentRecoveryTime().durations().medianSeconds()).hasValue(6 * 86_400.0);
    assertThat(r.overall().failedDeploymentRecoveryTime().tier()).contains(Tier.MEDIUM);
    assertThat(r.overall().timeToRestore().durations().count()).isZero();
  }

  @Test
  void report_offsetsAndDuplicates_sameInstantMergesOnce() {
    String lines =
        "{\"type\":\"deployment\",\"id\":\"a\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"running\",\"finished_at\":null}\n"
            + "{\"type\":\"deployment\",\"id\":\"a\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"2024-01-10T23:30:00-01:00\"}\n"
            + "{\"type\":\"deployment\",\"id\":\"a\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"2024-01-11T06:00:00+05:30\"}\n"
            + "{\"type\":\"deployment\",\"id\":\"a\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"2024-01-11T00:30:00Z\"}\n";
    DoraReport r = reportJsonl(lines);
    assertThat(r.diagnostics().get("deployments_unique")).isEqualTo(1);
    assertThat(r.diagnostics().get("deployment_records")).isEqualTo(4);
    assertThat(r.overall().deploymentFrequency().deployments()).isEqualTo(1);
  }

  @Test
  void report_localOffsetsAcrossADstChange_bucketedByUtcDate() {
    String dep = "{\"type\":\"deployment\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",";
    String lines =
        dep + "\"id\":\"a\",\"finished_at\":\"2024-01-21T01:30:00+01:00\"}\n"
            + dep + "\"id\":\"b\",\"finished_at\":\"2024-01-21T03:30:00+02:00\"}\n"
            + dep + "\"id\":\"c\",\"finished_at\":\"2024-01-21T00:30:00+02:00\"}\n"
            + dep + "\"id\":\"d\",\"finished_at\":\"2024-01-20T19:30:00-05:00\"}\n";
    DoraReport r = reportJsonl(lines);
    // a 00:30Z and b 01:30Z fall on 2024-01-21; c 22:30Z on 2024-01-20; d is 00:30Z on 2024-01-21.
    assertThat(r.overall().deploymentFrequency().deployments()).isEqualTo(4);
    assertThat(r.overall().deploymentFrequency().deploymentDays()).isEqualTo(2);
  }

  @Test
  void report_objectsAndJsonLines_sameMetrics() {
    List<DeliveryEvent> events =
        List.of(
            ChangeEvent.of("c1", t("2024-01-01T00:00:00Z")),
            DeploymentEvent.production("a", "api", t("2024-01-02T01:00:00Z"), List.of("c1")),
            new IncidentEvent(
                "i", "api", t("2024-01-02T02:00:00Z"), Optional.of(t("2024-01-02T03:00:00Z")), Optional.empty(),
                Optional.of("c1")));
    String jsonl =
        "{\"type\":\"change\",\"sha\":\"c1\",\"committed_at\":\"2024-01-01T00:00:00Z\"}\n"
            + "{\"type\":\"deployment\",\"id\":\"a\",\"service\":\"api\",\"environment\":\"production\",\"status\":\"success\",\"finished_at\":\"2024-01-02T01:00:00Z\",\"commits\":[\"c1\"]}\n"
            + "{\"type\":\"incident\",\"id\":\"i\",\"service\":\"api\",\"opened_at\":\"2024-01-02T02:00:00Z\",\"resolved_at\":\"2024-01-02T03:00:00Z\",\"root_cause_sha\":\"c1\"}\n";
    DoraReport a = report(events);
    DoraReport b = reportJsonl(jsonl);
    assertThat(a.overall()).isEqualTo(b.overall());
    assertThat(a.services()).isEqualTo(b.services());
    assertThat(a.overall().changeFailureRate().failedDeployments()).isEqualTo(1);
    assertThat(a.overall().failedDeploymentRecoveryTime().durations().medianSeconds()).hasValue(7200.0);
  }

  @Test
  void weeklyTrend_fourWeekWindow_fourPointsThatAddUp() {
    Path scenario = ReferenceComparison.sharedDir().resolve("oracle/dora/fixtures/scenario.jsonl");
    DoraCalculator c = DoraCalculator.builder().window(JAN).build();
    DoraData data = c.load(List.of(scenario));
    List<TrendPoint> weeks = c.weeklyTrend(data, Optional.empty());
    assertThat(weeks).hasSize(4);
    assertThat(weeks.get(0).window()).isEqualTo(Window.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 8)));
    assertThat(weeks.stream().mapToLong(w -> w.metrics().deploymentFrequency().deployments()).sum())
        .isEqualTo(c.report(data).overall().deploymentFrequency().deployments());
    assertThat(weeks.get(0).metrics().deploymentFrequency().tier()).isEmpty();
    List<TrendPoint> web = c.weeklyTrend(data, Optional.of(List.of("web")));
    assertThat(web.get(1).metrics().deploymentFrequency().deployments()).isEqualTo(1);
  }

  @Test
  void windowFor_noWindowGiven_91DaysEndingAfterTheLastDeployment() {
    DoraCalculator c = DoraCalculator.builder().build();
    DoraData d = c.load(List.of(DeploymentEvent.production("a", "api", t("2024-03-10T12:00:00Z"), List.of())));
    assertThat(c.windowFor(d)).isEqualTo(Window.of(LocalDate.of(2023, 12, 11), LocalDate.of(2024, 3, 11)));
  }

  @Test
  void windowFor_noDeployments_endsTodayOnTheClock() {
    Clock clock = Clock.fixed(t("2025-06-15T08:00:00Z"), ZoneOffset.UTC);
    DoraCalculator c = DoraCalculator.builder().clock(clock).windowDays(28).build();
    assertThat(c.windowFor(c.load(List.<DeliveryEvent>of())))
        .isEqualTo(Window.of(LocalDate.of(2025, 5, 19), LocalDate.of(2025, 6, 16)));
  }

  @Test
  void windowFor_lastDays_endsTodayOnTheCalculatorsClockWhateverTheData() {
    Clock clock = Clock.fixed(t("2025-06-15T23:59:59Z"), ZoneOffset.UTC);
    DoraCalculator c = DoraCalculator.builder().clock(clock).lastDays(7).build();
    DoraData d = c.load(List.of(DeploymentEvent.production("a", "api", t("2024-03-10T12:00:00Z"), List.of())));
    assertThat(c.windowFor(d)).isEqualTo(Window.of(LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 16)));
  }

  @Test
  void windowFor_lastDaysThenWindow_lastCallWins() {
    Clock clock = Clock.fixed(t("2025-06-15T08:00:00Z"), ZoneOffset.UTC);
    Window fixed = Window.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1));
    DoraData none = DoraCalculator.builder().build().load(List.<DeliveryEvent>of());
    assertThat(DoraCalculator.builder().clock(clock).lastDays(7).window(fixed).build().windowFor(none))
        .isEqualTo(fixed);
    assertThat(DoraCalculator.builder().clock(clock).window(fixed).lastDays(7).build().windowFor(none))
        .isEqualTo(Window.of(LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 16)));
  }

  @Test
  void builder_lastDaysZero_rejected() {
    assertThatThrownBy(() -> DoraCalculator.builder().lastDays(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window days must be at least 1, found 0");
  }

  @Test
  void windowFor_onlyFrom_windowDaysLong() {
    DoraCalculator c = DoraCalculator.builder().from(LocalDate.of(2024, 1, 1)).windowDays(7).build();
    assertThat(c.windowFor(c.load(List.<DeliveryEvent>of())).days()).isEqualTo(7);
  }

  @Test
  void builder_endBeforeStart_rejected() {
    assertThatThrownBy(() -> DoraCalculator.builder().from(LocalDate.of(2024, 2, 1)).to(LocalDate.of(2024, 1, 1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window end 2024-01-01 must be after its start 2024-02-01");
  }

  @Test
  void loader_missingFile_clearError() {
    DoraCalculator c = DoraCalculator.builder().build();
    assertThatThrownBy(() -> c.load(List.of(Path.of("no/such/events.jsonl"))))
        .isInstanceOf(DoraInputException.class)
        .hasMessage("no/such/events.jsonl: expected a readable file, found no such file");
  }

  @Test
  void loader_usedTwice_rejected() {
    EventLoader l = DoraCalculator.builder().build().loader();
    l.load();
    assertThatThrownBy(l::load).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void tierProfile2021_sameData_differentBands() {
    List<DeliveryEvent> events =
        List.of(
            ChangeEvent.of("c1", t("2024-01-01T00:00:00Z")),
            DeploymentEvent.production("a", "api", t("2024-01-01T02:00:00Z"), List.of("c1")));
    DoraCalculator c23 = DoraCalculator.builder().window(JAN).build();
    DoraCalculator c21 = DoraCalculator.builder().window(JAN).tierProfile(TierProfile.DORA_2021).build();
    assertThat(c23.report(c23.load(events)).overall().leadTime().tier()).contains(Tier.ELITE);
    assertThat(c21.report(c21.load(events)).overall().leadTime().tier()).contains(Tier.HIGH);
    assertThat(c21.report(c21.load(events)).tierProfile().id()).isEqualTo("dora-2021");
  }

  @Property(tries = 30)
  void report_shuffledAndDuplicatedLines_sameResult(@ForAll long seed) throws Exception {
    Path scenario = ReferenceComparison.sharedDir().resolve("oracle/dora/fixtures/scenario.jsonl");
    List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(scenario));
    DoraReport base = reportJsonl(String.join("\n", lines) + "\n");
    Random rnd = new Random(seed);
    for (int i = 0; i < 8; i++) {
      lines.add(lines.get(rnd.nextInt(lines.size())));
    }
    Collections.shuffle(lines, rnd);
    DoraReport shuffled = reportJsonl(String.join("\n", lines) + "\n");
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(shuffled.overall()).isEqualTo(base.overall());
    soft.assertThat(shuffled.services()).isEqualTo(base.services());
    soft.assertAll();
  }

  @Property(tries = 50)
  void report_anyEvents_ratesBetweenZeroAndOneAndMediansWithinRange(@ForAll long seed) {
    Random rnd = new Random(seed);
    List<DeliveryEvent> events = new ArrayList<>();
    Instant start = t("2024-01-01T00:00:00Z");
    for (int i = 0; i < 40; i++) {
      Instant fin = start.plusSeconds(rnd.nextInt(40 * 86_400));
      String sha = "c" + rnd.nextInt(30);
      events.add(ChangeEvent.of(sha, fin.minusSeconds(rnd.nextInt(10 * 86_400) - 3600)));
      DeploymentEvent d = DeploymentEvent.production("d" + i, "s" + rnd.nextInt(3), fin, List.of(sha));
      events.add(rnd.nextInt(6) == 0 ? d.asRollback(Optional.empty()) : rnd.nextInt(6) == 0 ? d.asHotfix() : d);
      if (rnd.nextInt(4) == 0) {
        events.add(
            new IncidentEvent(
                "i" + i, "s" + rnd.nextInt(3), fin.plusSeconds(60),
                rnd.nextBoolean() ? Optional.of(fin.plusSeconds(rnd.nextInt(86_400))) : Optional.empty(),
                Optional.of("d" + rnd.nextInt(40)), Optional.empty()));
      }
    }
    DoraReport r = report(events);
    for (ScopeMetrics m : r.services().values()) {
      assertThat(m.changeFailureRate().rate().orElse(0)).isBetween(0.0, 1.0);
      assertThat(m.reworkRate().rate().orElse(0)).isBetween(0.0, 1.0);
      m.leadTime().durations().medianSeconds().ifPresent(med -> assertThat(med).isLessThanOrEqualTo(m.leadTime().durations().p90Seconds().orElseThrow() + 1e-9));
    }
    long sum = r.services().values().stream().mapToLong(m -> m.deploymentFrequency().deployments()).sum();
    assertThat(r.overall().deploymentFrequency().deployments()).isEqualTo(sum);
    assertThat(r.overall().deploymentFrequency().perWeek())
        .isCloseTo(7.0 * sum / JAN.days(), within(1e-12));
  }
}
