package dev.portolan.cli;

import dev.portolan.catalog.core.CatalogEntity;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.Relation;
import dev.portolan.governance.AssetCatalog;
import dev.portolan.governance.Finding;
import dev.portolan.governance.Governance;
import dev.portolan.governance.Report;
import dev.portolan.governance.Rollup;
import dev.portolan.governance.Severity;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs the built-in governance rule packs (as {@code portolan govern} does) at the demo date, and prints the
 * scorecard of every team of the catalog (the owner-group rollups; a team none of whose entities a rule applies
 * to is listed as having nothing to score) and the most severe findings.
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
    scorecard(out, report, owned(context.catalog().snapshot()));
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

  /**
   * Every group of the catalog, by ref in order, with the number of entities it or one of its sub-groups owns
   * ({@code ownedBy}, sub-groups through {@code parentOf}), the same span as a governance group rollup.
   */
  static Map<String, Integer> owned(CatalogSnapshot snapshot) {
    Map<String, Set<String>> direct = new TreeMap<>();
    Map<String, List<String>> children = new HashMap<>();
    for (CatalogEntity e : snapshot.entities()) {
      if (e.kind().equalsIgnoreCase("group")) {
        direct.computeIfAbsent(e.ref().toString(), k -> new HashSet<>());
      }
      for (Relation r : e.relations()) {
        if (r.type().id().equals("ownedBy")) {
          direct.computeIfAbsent(r.target().toString(), k -> new HashSet<>()).add(e.ref().toString());
        } else if (r.type().id().equals("parentOf")) {
          children.computeIfAbsent(e.ref().toString(), k -> new ArrayList<>()).add(r.target().toString());
        }
      }
    }
    Map<String, Integer> owned = new LinkedHashMap<>();
    for (String group : direct.keySet()) {
      if (snapshot.entity(group).isEmpty()) {
        continue; // an owner missing from the catalog is a dangling relation, reported by the check step
      }
      Set<String> entities = new HashSet<>();
      Set<String> seen = new HashSet<>();
      Deque<String> todo = new ArrayDeque<>(List.of(group));
      while (!todo.isEmpty()) {
        String g = todo.pop();
        if (seen.add(g)) {
          entities.addAll(direct.getOrDefault(g, Set.of()));
          todo.addAll(children.getOrDefault(g, List.of()));
        }
      }
      owned.put(group, entities.size());
    }
    return owned;
  }

  private static void scorecard(PrintWriter out, Report report, Map<String, Integer> owned) {
    List<String> header = new ArrayList<>(List.of("Team", "Owned", "Governed", "Score", "Failed"));
    List<String> levels = new ArrayList<>(List.of("none"));
    levels.addAll(report.levels());
    header.addAll(levels);
    Map<String, Rollup> rollups = new LinkedHashMap<>();
    teams(report).forEach(r -> rollups.put(r.ref(), r));
    Set<String> groups = new TreeSet<>(owned.keySet());
    groups.addAll(rollups.keySet());
    List<List<String>> rows = new ArrayList<>();
    int unscored = 0;
    for (String group : groups) {
      Rollup r = rollups.get(group);
      List<String> row = new ArrayList<>(List.of(group, Integer.toString(owned.getOrDefault(group, 0))));
      if (r == null || r.entities() == 0) {
        unscored++;
        row.add("0");
        for (int i = 0; i < 2 + levels.size(); i++) {
          row.add("-");
        }
      } else {
        row.addAll(List.of(Integer.toString(r.entities()), Integer.toString(r.score()),
            Integer.toString(r.failed())));
        for (String l : levels) {
          row.add(Integer.toString(r.levels().getOrDefault(l, 0)));
        }
      }
      rows.add(row);
    }
    out.println("Scorecard of every team (entities at each level as their highest; score is the mean entity score):");
    DemoTables.table(out, header, rows);
    out.println("  Owned: catalog entities owned by the team or its sub-teams. Governed: those a rule applies to;");
    out.println("  the built-in packs govern AI assets and what uses them"
        + (unscored == 0 ? "." : ", so " + unscored + (unscored == 1 ? " team has" : " teams have")
        + " nothing to score (-)."));
  }

  private static List<Finding> top(Report report) {
    return report.findings().stream().filter(f -> !f.waived())
        .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::rule).thenComparing(Finding::entity))
        .limit(TOP_FINDINGS).toList();
  }
}
