package dev.portolan.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogChange;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.Relation;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.PortolanException;
import dev.portolan.governance.Finding;
import dev.portolan.governance.Report;
import dev.portolan.governance.Rollup;
import dev.portolan.scaffolder.ScaffoldRequest;
import dev.portolan.scaffolder.ScaffoldResult;
import dev.portolan.scaffolder.Scaffolder;
import dev.portolan.scaffolder.Template;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The golden path end to end: runs the sample's service template (as {@code portolan scaffold} does) into the
 * output folder, registers the generated {@code catalog-info.yaml} as a new catalog location, and shows what
 * changed in the catalog and in the governance scorecard.
 */
final class DemoScaffoldStep implements DemoStep {

  /** The template, relative to the sample root. */
  static final String TEMPLATE = DemoSample.TEMPLATES_DIR + "create-service/template.yaml";

  /** The new service's name. */
  static final String NAME = "ticket-triage";

  /** The team that owns the new service. */
  static final String OWNER = "team-ml";

  /** What the new service depends on: an AI model, which brings it under the AI governance rules. */
  static final String MODEL = "airesource:default/support-assistant-llm";

  @Override
  public String title() {
    return "Scaffold " + NAME + " from the template and register it";
  }

  @Override
  public boolean run(DemoContext context) {
    PrintWriter out = context.out();
    Catalog catalog = context.catalog();
    CatalogSnapshot before = catalog.snapshot();
    Report governanceBefore = DemoGovernStep.evaluate(before, context.clock());

    ObjectNode values = JsonNodeFactory.instance.objectNode();
    values.put("name", NAME).put("description", "Routes support tickets to the right queue.")
        .put("owner", OWNER).put("system", "customer-support");
    values.putArray("dependsOn").add(MODEL);
    Path target = context.outDir().resolve(NAME);
    Scaffolder scaffolder = Scaffolder.builder().clock(context.clock()).catalog(catalog).build();
    ScaffoldResult result;
    context.progress("Running the template " + TEMPLATE);
    try {
      Template template = scaffolder.loadTemplate(context.sample().root().resolve(TEMPLATE));
      result = scaffolder.run(ScaffoldRequest.into(template, values, target));
    } catch (PortolanException e) {
      out.println(e.getMessage().replace(context.sample().root() + java.io.File.separator, ""));
      return false;
    }
    out.println("Values: " + values);
    for (ScaffoldResult.StepResult s : result.steps()) {
      out.println("step " + s.id() + " (" + s.action() + "): " + s.status());
    }
    result.error().ifPresent(e -> out.println("error: " + e));
    if (!result.succeeded()) {
      return false;
    }
    out.println("Generated into " + target + ":");
    for (ScaffoldResult.GeneratedFile f : result.files()) {
      out.println("  " + f.path());
    }
    Path descriptor = target.resolve("catalog-info.yaml");
    context.wrote("new service's catalog descriptor", descriptor);
    out.println();

    context.progress("Registering " + NAME + "/catalog-info.yaml as a catalog location");
    CatalogChange change = catalog.addLocation(descriptor);
    CatalogSnapshot after = change.current();
    out.println("Added to the catalog: " + change.added().stream().map(EntityRef::toString).toList());
    out.println();
    kinds(out, before, after);
    out.println();
    List<String> newRelations = new ArrayList<>();
    for (EntityRef added : change.added()) {
      for (Relation r : after.relations(added)) {
        newRelations.add(r.source() + " " + r.type().id() + " " + r.target());
      }
    }
    int delta = relations(after) - relations(before);
    out.println("New relations of " + change.added().stream().map(EntityRef::toString).toList() + " ("
        + newRelations.size() + "; the other " + (delta - newRelations.size())
        + " new relations are their inverses, on the other side):");
    newRelations.stream().sorted().forEach(r -> out.println("  " + r));
    out.println();

    context.progress("Evaluating governance again");
    Report governanceAfter = DemoGovernStep.evaluate(after, context.clock());
    scorecards(out, governanceBefore, governanceAfter);
    out.printf(Locale.ROOT, "Findings before: %s%nFindings after:  %s%n", DemoGovernStep.counts(governanceBefore),
        DemoGovernStep.counts(governanceAfter));
    java.util.Set<String> known = new java.util.HashSet<>();
    governanceBefore.findings().forEach(f -> known.add(f.fingerprint()));
    List<Finding> added = governanceAfter.findings().stream().filter(f -> !known.contains(f.fingerprint()))
        .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::rule)).toList();
    out.println("New findings (" + added.size() + "):");
    added.forEach(f -> out.println("  " + DemoGovernStep.line(f)));
    return after.errors().isEmpty();
  }

  private static void kinds(PrintWriter out, CatalogSnapshot before, CatalogSnapshot after) {
    Map<String, int[]> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    before.entities().forEach(e -> counts.computeIfAbsent(e.kind(), k -> new int[2])[0]++);
    after.entities().forEach(e -> counts.computeIfAbsent(e.kind(), k -> new int[2])[1]++);
    List<List<String>> rows = new ArrayList<>();
    int relationsBefore = relations(before);
    int relationsAfter = relations(after);
    counts.forEach((k, c) -> rows.add(row(k, c[0], c[1])));
    rows.add(row("Entities", before.size(), after.size()));
    rows.add(row("Relations", relationsBefore, relationsAfter));
    out.println("Catalog before and after:");
    DemoTables.table(out, List.of("Kind", "Before", "After", "Change"), rows);
  }

  private static int relations(CatalogSnapshot s) {
    return s.entities().stream().mapToInt(e -> e.relations().size()).sum();
  }

  private static void scorecards(PrintWriter out, Report before, Report after) {
    Map<String, Rollup> b = byRef(before);
    Map<String, Rollup> a = byRef(after);
    List<List<String>> rows = new ArrayList<>();
    for (String team : new TreeSet<>(union(b, a))) {
      Rollup rb = b.get(team);
      Rollup ra = a.get(team);
      int eb = rb == null ? 0 : rb.entities();
      int ea = ra == null ? 0 : ra.entities();
      int sb = rb == null ? 0 : rb.score();
      int sa = ra == null ? 0 : ra.score();
      int fb = rb == null ? 0 : rb.failed();
      int fa = ra == null ? 0 : ra.failed();
      if (eb != ea || sb != sa || fb != fa) {
        rows.add(List.of(team, eb + " -> " + ea, sb + " -> " + sa, fb + " -> " + fa));
      }
    }
    out.println("Governance scorecard, teams that changed:");
    if (rows.isEmpty()) {
      out.println("  (none)");
    } else {
      DemoTables.table(out, List.of("Team", "Governed", "Score", "Failed"), rows);
    }
  }

  private static java.util.Set<String> union(Map<String, Rollup> a, Map<String, Rollup> b) {
    java.util.Set<String> s = new TreeSet<>(a.keySet());
    s.addAll(b.keySet());
    return s;
  }

  private static Map<String, Rollup> byRef(Report report) {
    Map<String, Rollup> m = new LinkedHashMap<>();
    DemoGovernStep.teams(report).forEach(r -> m.put(r.ref(), r));
    return m;
  }

  private static List<String> row(String key, int before, int after) {
    int d = after - before;
    return List.of(key, Integer.toString(before), Integer.toString(after), d == 0 ? "" : (d > 0 ? "+" : "") + d);
  }
}
