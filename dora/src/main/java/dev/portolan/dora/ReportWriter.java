package dev.portolan.dora;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.portolan.dora.internal.HtmlReport;
import dev.portolan.dora.internal.TextReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Writes reports as JSON (the reference layout), as a text table, or as one self-contained HTML page with a trend
 * chart per metric.
 */
public final class ReportWriter {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private ReportWriter() {}

  /**
   * Writes the reference JSON layout: {@code schema_version}, {@code window}, {@code tier_profile},
   * {@code services.<name>.*}, {@code overall.*}, {@code diagnostics}, then {@code problems} (the first bad lines)
   * when there are any.
   *
   * @param report the report
   * @param out where to write (not closed)
   */
  public static void json(DoraReport report, Writer out) {
    json(report, Optional.empty(), out);
  }

  /**
   * Writes the reference JSON layout, plus a {@code rollup} section when given.
   *
   * @param report the report
   * @param rollup a rollup to add
   * @param out where to write (not closed)
   */
  public static void json(DoraReport report, Optional<Rollup> rollup, Writer out) {
    json(report, rollup, List.of(), out);
  }

  /**
   * Writes the reference JSON layout, plus a {@code rollup} section when given and a {@code weekly} array (one
   * object per week with {@code from}, {@code to} and the metrics) when the trend is not empty.
   *
   * @param report the report
   * @param rollup a rollup to add
   * @param weekly a weekly trend to add, or an empty list
   * @param out where to write (not closed)
   */
  public static void json(DoraReport report, Optional<Rollup> rollup, List<TrendPoint> weekly, Writer out) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(
          new DefaultPrettyPrinter(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      g.writeStartObject();
      g.writeNumberField("schema_version", 1);
      g.writeObjectFieldStart("window");
      g.writeStringField("from", report.window().from() + "T00:00:00Z");
      g.writeStringField("to", report.window().to() + "T00:00:00Z");
      g.writeNumberField("days", report.window().days());
      g.writeEndObject();
      g.writeStringField("tier_profile", report.tierProfile().id());
      g.writeObjectFieldStart("services");
      for (Map.Entry<String, ScopeMetrics> e : report.services().entrySet()) {
        g.writeFieldName(e.getKey());
        scope(g, e.getValue());
      }
      g.writeEndObject();
      g.writeFieldName("overall");
      scope(g, report.overall());
      g.writeObjectFieldStart("diagnostics");
      for (Map.Entry<String, Long> e : report.diagnostics().counters().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      List<InputProblem> problems = report.diagnostics().problems();
      if (!problems.isEmpty()) {
        g.writeArrayFieldStart("problems");
        for (InputProblem p : problems) {
          g.writeStartObject();
          g.writeStringField("source", p.source());
          g.writeNumberField("line", p.line());
          g.writeNumberField("column", p.column());
          g.writeStringField("kind", p.kind());
          g.writeStringField("message", p.message());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (rollup.isPresent()) {
        Rollup r = rollup.get();
        g.writeObjectFieldStart("rollup");
        g.writeStringField("by", r.by().key());
        g.writeObjectFieldStart("groups");
        for (Rollup.Group grp : r.groups().values()) {
          g.writeObjectFieldStart(grp.name());
          g.writeArrayFieldStart("services");
          for (String s : grp.services()) {
            g.writeString(s);
          }
          g.writeEndArray();
          g.writeFieldName("metrics");
          scope(g, grp.metrics());
          g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("unmapped_services");
        for (String s : r.unmapped()) {
          g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      if (!weekly.isEmpty()) {
        g.writeArrayFieldStart("weekly");
        for (TrendPoint p : weekly) {
          g.writeStartObject();
          g.writeStringField("from", p.window().from() + "T00:00:00Z");
          g.writeStringField("to", p.window().to() + "T00:00:00Z");
          g.writeFieldName("metrics");
          scope(g, p.metrics());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.flush();
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void scope(JsonGenerator g, ScopeMetrics m) throws IOException {
    g.writeStartObject();
    ScopeMetrics.DeploymentFrequency df = m.deploymentFrequency();
    g.writeObjectFieldStart("deployment_frequency");
    g.writeNumberField("deployments", df.deployments());
    g.writeNumberField("deployment_days", df.deploymentDays());
    g.writeNumberField("per_day", df.perDay());
    g.writeNumberField("per_week", df.perWeek());
    number(g, "median_weekly_deployment_days", df.medianWeeklyDeploymentDays());
    number(g, "median_4weekly_deployment_days", df.median4WeeklyDeploymentDays());
    tier(g, df.tier());
    g.writeEndObject();
    g.writeObjectFieldStart("lead_time_for_changes");
    durations(g, m.leadTime().durations());
    g.writeEndObject();
    ScopeMetrics.ChangeFailureRate cfr = m.changeFailureRate();
    g.writeObjectFieldStart("change_failure_rate");
    g.writeNumberField("deployments", cfr.deployments());
    g.writeNumberField("failed_deployments", cfr.failedDeployments());
    number(g, "rate", cfr.rate());
    tier(g, cfr.tier());
    g.writeEndObject();
    g.writeObjectFieldStart("failed_deployment_recovery_time");
    durations(g, m.failedDeploymentRecoveryTime().durations());
    g.writeNumberField("open_failures", m.failedDeploymentRecoveryTime().openFailures());
    g.writeNumberField("negative_excluded", m.failedDeploymentRecoveryTime().negativeExcluded());
    g.writeEndObject();
    ScopeMetrics.ReworkRate rw = m.reworkRate();
    g.writeObjectFieldStart("deployment_rework_rate");
    g.writeNumberField("deployments", rw.deployments());
    g.writeNumberField("rework_deployments", rw.reworkDeployments());
    number(g, "rate", rw.rate());
    g.writeNullField("tier");
    g.writeEndObject();
    g.writeObjectFieldStart("time_to_restore_service");
    durations(g, m.timeToRestore().durations());
    g.writeNumberField("open_incidents", m.timeToRestore().openIncidents());
    g.writeNumberField("negative_excluded", m.timeToRestore().negativeExcluded());
    g.writeEndObject();
    tier(g, "overall_tier", m.overallTier());
    g.writeEndObject();
  }

  private static void durations(JsonGenerator g, ScopeMetrics.Durations d) throws IOException {
    g.writeNumberField("count", d.count());
    number(g, "median_seconds", d.medianSeconds());
    number(g, "p90_seconds", d.p90Seconds());
    tier(g, d.tier());
  }

  private static void number(JsonGenerator g, String name, OptionalDouble v) throws IOException {
    if (v.isPresent()) {
      g.writeNumberField(name, v.getAsDouble());
    } else {
      g.writeNullField(name);
    }
  }

  private static void tier(JsonGenerator g, Optional<Tier> t) throws IOException {
    tier(g, "tier", t);
  }

  private static void tier(JsonGenerator g, String name, Optional<Tier> t) throws IOException {
    if (t.isPresent()) {
      g.writeStringField(name, t.get().key());
    } else {
      g.writeNullField(name);
    }
  }

  /**
   * Writes a readable table: one row per service (or group) with each metric and its tier, the overall row, and a
   * short diagnostics summary with the first bad lines.
   *
   * @param report the report
   * @param rollup groups to show instead of services
   * @param out where to write (not closed)
   */
  public static void text(DoraReport report, Optional<Rollup> rollup, Writer out) {
    try {
      TextReport.write(report, rollup, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes one self-contained HTML page: the metric table with tiers and a weekly trend chart per metric as
   * inline SVG, with no external assets.
   *
   * @param report the report
   * @param rollup groups to show instead of services
   * @param trend the weekly trend of the overall scope
   * @param out where to write (not closed)
   */
  public static void html(DoraReport report, Optional<Rollup> rollup, List<TrendPoint> trend, Writer out) {
    try {
      HtmlReport.write(report, rollup, trend, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
