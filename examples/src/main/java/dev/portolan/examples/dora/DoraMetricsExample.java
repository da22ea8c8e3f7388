package dev.portolan.examples.dora;

import dev.portolan.dora.ChangeEvent;
import dev.portolan.dora.DeliveryEvent;
import dev.portolan.dora.DeploymentEvent;
import dev.portolan.dora.DoraCalculator;
import dev.portolan.dora.DoraData;
import dev.portolan.dora.DoraReport;
import dev.portolan.dora.IncidentEvent;
import dev.portolan.dora.ScopeMetrics;
import dev.portolan.dora.Tier;
import dev.portolan.dora.TrendPoint;
import dev.portolan.dora.Window;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Computes the DORA metrics of two services from Java event objects, and a weekly trend.
 *
 * <p>Events are plain records: a {@link DeploymentEvent} per production deployment of a service (with the
 * commits it shipped), a {@link ChangeEvent} per commit (its time gives the lead time), and an
 * {@link IncidentEvent} per incident, linked to the deployment that caused it (which makes that deployment
 * a failure). {@link DoraCalculator#load(java.util.Collection)} merges and links them once into an
 * immutable {@link DoraData}, which can then be reported on for any window:
 *
 * <pre>{@code
 * DoraCalculator dora = DoraCalculator.builder().clock(clock).lastDays(28).build();
 * DoraData data = dora.load(events);
 * DoraReport report = dora.report(data);                          // per service and overall
 * List<TrendPoint> weeks = dora.weeklyTrend(data, Optional.empty());  // one point per 7-day block
 * }</pre>
 *
 * <p>The window ends today on the calculator's {@link Clock}, so a report is reproducible; here the clock is
 * fixed.
 * This example formats the metrics itself to show where each number lives in {@link ScopeMetrics};
 * {@code ReportWriter.text}, {@code json} and {@code html} write the same report as the command line.
 */
public final class DoraMetricsExample {

  /** The fixed "now" of the example: Sunday 22 November 2026, 18:00 UTC. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T18:00:00Z"), ZoneOffset.UTC);

  private DoraMetricsExample() {}

  /**
   * The calculator: the 28 days ending today on {@link #CLOCK}, with the default DORA 2023 tiers.
   *
   * @return the calculator
   */
  public static DoraCalculator calculator() {
    return DoraCalculator.builder().clock(CLOCK).lastDays(28).build();
  }

  /**
   * Four weeks of events. {@code checkout} ships every weekday, three hours after the commit, and one
   * deployment causes a 30-minute incident. {@code billing} ships every Wednesday, three days after the
   * commit, and one of its four deployments causes an incident resolved two days later.
   *
   * @return the events
   */
  public static List<DeliveryEvent> events() {
    List<DeliveryEvent> events = new ArrayList<>();
    Window window = Window.endingToday(CLOCK, 28);
    for (LocalDate day = window.from(); day.isBefore(window.to()); day = day.plusDays(1)) {
      Instant morning = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
      if (day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
        String sha = "c-" + day;
        events.add(ChangeEvent.of(sha, morning));
        events.add(DeploymentEvent.production("checkout-" + day, "checkout", morning.plus(Duration.ofHours(3)),
            List.of(sha)));
      }
      if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
        String sha = "b-" + day;
        events.add(ChangeEvent.of(sha, morning.minus(Duration.ofDays(3))));
        events.add(DeploymentEvent.production("billing-" + day, "billing", morning, List.of(sha)));
      }
    }
    Instant checkoutFailure = LocalDate.parse("2026-11-10").atTime(12, 0).toInstant(ZoneOffset.UTC);
    events.add(IncidentEvent.of("inc-1", "checkout", checkoutFailure.plus(Duration.ofMinutes(5)))
        .withResolvedAt(checkoutFailure.plus(Duration.ofMinutes(30)))
        .withCausedByDeployment("checkout-2026-11-10"));
    Instant billingFailure = LocalDate.parse("2026-11-04").atTime(9, 0).toInstant(ZoneOffset.UTC);
    events.add(IncidentEvent.of("inc-2", "billing", billingFailure.plus(Duration.ofHours(1)))
        .withResolvedAt(billingFailure.plus(Duration.ofDays(2)))
        .withCausedByDeployment("billing-2026-11-04"));
    return events;
  }

  /**
   * One line per service and one for everything: deployments, median lead time, change failure rate,
   * median recovery time, each with its tier, then the overall tier.
   *
   * @return the lines
   */
  public static List<String> serviceSummary() {
    DoraCalculator dora = calculator();
    DoraReport report = dora.report(dora.load(events()));
    List<String> lines = new ArrayList<>();
    lines.add("window " + report.window());
    for (Map.Entry<String, ScopeMetrics> service : report.services().entrySet()) {
      lines.add(line(service.getKey(), service.getValue()));
    }
    lines.add(line("overall", report.overall()));
    return lines;
  }

  /**
   * The weekly trend of both services pooled: one line per 7-day block with its deployments, change
   * failure rate and median lead time.
   *
   * @return the lines, oldest week first
   */
  public static List<String> weeklyTrend() {
    DoraCalculator dora = calculator();
    List<String> lines = new ArrayList<>();
    for (TrendPoint week : dora.weeklyTrend(dora.load(events()), Optional.empty())) {
      ScopeMetrics m = week.metrics();
      lines.add(String.format(Locale.ROOT, "%s  deployments %2d  failure rate %s  lead time %s", week.window(),
          m.deploymentFrequency().deployments(), percent(m.changeFailureRate().rate()),
          hours(m.leadTime().durations().medianSeconds())));
    }
    return lines;
  }

  private static String line(String scope, ScopeMetrics m) {
    return String.format(Locale.ROOT,
        "%-9s deployments %2d (%s)  lead time %s (%s)  failure rate %s (%s)  recovery %s (%s)  overall %s",
        scope, m.deploymentFrequency().deployments(), tier(m.deploymentFrequency().tier()),
        hours(m.leadTime().durations().medianSeconds()), tier(m.leadTime().tier()),
        percent(m.changeFailureRate().rate()), tier(m.changeFailureRate().tier()),
        hours(m.failedDeploymentRecoveryTime().durations().medianSeconds()),
        tier(m.failedDeploymentRecoveryTime().tier()), tier(m.overallTier()));
  }

  private static String tier(Optional<Tier> tier) {
    return tier.map(Tier::key).orElse("-");
  }

  private static String hours(OptionalDouble seconds) {
    return seconds.isPresent() ? String.format(Locale.ROOT, "%.1fh", seconds.getAsDouble() / 3600) : "-";
  }

  private static String percent(OptionalDouble rate) {
    return rate.isPresent() ? String.format(Locale.ROOT, "%.1f%%", rate.getAsDouble() * 100) : "-";
  }

  /**
   * Prints the per-service summary and the weekly trend.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    serviceSummary().forEach(System.out::println);
    weeklyTrend().forEach(System.out::println);
  }
}
