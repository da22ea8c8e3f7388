package dev.portolan.dora.internal;

import dev.portolan.dora.Diagnostics;
import dev.portolan.dora.DoraReport;
import dev.portolan.dora.InputProblem;
import dev.portolan.dora.Rollup;
import dev.portolan.dora.ScopeMetrics;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The text table of a report. */
public final class TextReport {

  private static final String[] HEADER = {
    "", "DEPLOYS", "PER WEEK", "DF", "LEAD TIME", "LT", "CFR", "CFR", "RECOVERY", "FDRT", "OPEN", "REWORK", "OVERALL"
  };

  private TextReport() {}

  /**
   * Writes the table.
   *
   * @param report the report
   * @param rollup groups to list instead of services
   * @param out where to write
   * @throws IOException when writing fails
   */
  public static void write(DoraReport report, Optional<Rollup> rollup, Writer out) throws IOException {
    out.write(
        "DORA metrics " + report.window() + " (" + report.window().days() + " days, UTC), tiers "
            + report.tierProfile().id() + "\n\n");
    Map<String, ScopeMetrics> rows = new LinkedHashMap<>();
    String first;
    if (rollup.isPresent()) {
      first = rollup.get().by().key().toUpperCase(java.util.Locale.ROOT);
      rollup.get().groups().values().forEach(g -> rows.put(g.name(), g.metrics()));
    } else {
      first = "SERVICE";
      rows.putAll(report.services());
    }
    rows.put("(overall)", report.overall());
    List<String[]> table = new ArrayList<>();
    String[] header = HEADER.clone();
    header[0] = first;
    table.add(header);
    rows.forEach((name, m) -> table.add(row(name, m)));
    int[] width = new int[header.length];
    for (String[] r : table) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : table) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        if (i > 0) {
          sb.append("  ");
        }
        boolean left = i == 0 || i == 3 || i == 5 || i == 7 || i == 9 || i == 12;
        String cell = r[i];
        String pad = " ".repeat(width[i] - cell.length());
        sb.append(left ? cell + pad : pad + cell);
      }
      out.write(sb.toString().stripTrailing());
      out.write('\n');
    }
    if (rollup.isPresent() && !rollup.get().unmapped().isEmpty()) {
      out.write("\nUnmapped services (" + rollup.get().unmapped().size() + "): "
          + String.join(", ", rollup.get().unmapped()) + "\n");
    }
    Diagnostics d = report.diagnostics();
    out.write(
        "\nInput: " + d.get("lines_read") + " lines, " + d.get("lines_invalid_json") + " invalid JSON, "
            + d.get("events_unknown_type") + " of unknown type, " + d.get("events_invalid") + " invalid events; "
            + d.get("deployments_counted") + " of " + d.get("deployments_unique") + " deployments counted, "
            + d.get("delivered_changes_unknown_commit_time") + " delivered changes without commit time, "
            + d.get("delivered_changes_negative_lead_time") + " with negative lead time.\n");
    if (!d.problems().isEmpty()) {
      out.write("First problems:\n");
      for (InputProblem p : d.problems()) {
        out.write("  " + p + "\n");
      }
    }
    out.flush();
  }

  private static String[] row(String name, ScopeMetrics m) {
    ScopeMetrics.DeploymentFrequency df = m.deploymentFrequency();
    return new String[] {
      name,
      Long.toString(df.deployments()),
      Format.decimal(df.perWeek()),
      Format.tier(df.tier()),
      Format.duration(m.leadTime().durations().medianSeconds()),
      Format.tier(m.leadTime().tier()),
      Format.percent(m.changeFailureRate().rate()),
      Format.tier(m.changeFailureRate().tier()),
      Format.duration(m.failedDeploymentRecoveryTime().durations().medianSeconds()),
      Format.tier(m.failedDeploymentRecoveryTime().tier()),
      Long.toString(m.failedDeploymentRecoveryTime().openFailures()),
      Format.percent(m.reworkRate().rate()),
      Format.tier(m.overallTier())
    };
  }
}
