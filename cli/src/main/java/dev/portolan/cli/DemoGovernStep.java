package dev.portolan.cli;

import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.governance.AssetCatalog;
import dev.portolan.governance.Finding;
import dev.portolan.governance.Governance;
import dev.portolan.governance.Report;
import dev.portolan.governance.Rollup;
import dev.portolan.governance.Severity;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the built-in governance rule packs (as {@code portolan govern} does) at the demo date, and prints the
 * scorecard of each team (the owner-group rollups) and the most severe findings.
 */
final class DemoGovernStep implements DemoStep {

  /** How many findings the step lists. */
  static final int TOP_FINDINGS = 10;

  @Override
  public String title() {
    return "Governance scorecard per team (built-in rule packs, as of " + DemoContext.DEMO_DATE + ")";
  }

  @Override
  public boolean run(DemoContext context) {
    PrintWriter out = context.out();
    context.progress("Evaluating the built-in rule packs");
    Report report = evaluate(context.catalog().snapshot(), context.clock());
    out.printf(Locale.ROOT, "%d rules over %d entities: %s%n", report.rules().size(), report.entityCount(),
        counts(report));
    out.println();
    scorecard(out, report);
    out.println();
    List<Finding> top = top(report);
    out.println("Top " + top.size() + " findings:");
    for (Finding f : top) {
      out.println("  " + line(f));
    }
    report.problems().forEach(p -> out.println("  problem: " + p.getMessage()));
    return report.problems().isEmpty();
  }

  /** The governance report of a catalog snapshot, with the built-in packs at the given clock. */
  static Report evaluate(CatalogSnapshot snapshot, Clock clock) {
    Governance governance = Governance.builder().clock(clock).builtInPacks().build();
    return governance.evaluate(AssetCatalog.of(snapshot));
  }

  /** One finding on one line: severity, rule, entity, message. */
  static String line(Finding f) {
    return String.format(Locale.ROOT, "%-8s %-7s %s: %s", f.severity().label(), f.rule(), f.entity(), f.message());
  }

  /** The owner-group rollups, by ref. */
  static List<Rollup> teams(Report report) {
    return report.rollups().stream().filter(r -> r.scope().equals("group"))
        .sorted(Comparator.comparing(Rollup::ref)).toList();
  }

  /** Findings by severity, most severe first. */
  static String counts(Report report) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Severity, Integer> e : report.counts().entrySet()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().label());
    }
    return sb.length() == 0 ? "no findings" : sb.toString();
  }

  private static void scorecard(PrintWriter out, Report report) {
    List<String> header = new ArrayList<>(List.of("Team", "Entities", "Score", "Failed"));
    List<String> levels = new ArrayList<>(List.of("none"));
    levels.addAll(report.levels());
    header.addAll(levels);
    List<List<String>> rows = new ArrayList<>();
    for (Rollup r : teams(report)) {
      List<String> row = new ArrayList<>(List.of(r.ref(), Integer.toString(r.entities()),
          Integer.toString(r.score()), Integer.toString(r.failed())));
      for (String l : levels) {
        row.add(Integer.toString(r.levels().getOrDefault(l, 0)));
      }
      rows.add(row);
    }
    out.println("Scorecard (entities at each level as their highest; score is the mean entity score):");
    DemoTables.table(out, header, rows);
    out.println("  (A team appears when a rule applies to one of its entities, sub-teams included; the built-in");
    out.println("  packs govern AI assets and what uses them.)");
  }

  private static List<Finding> top(Report report) {
    return report.findings().stream().filter(f -> !f.waived())
        .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::rule).thenComparing(Finding::entity))
        .limit(TOP_FINDINGS).toList();
  }
}
