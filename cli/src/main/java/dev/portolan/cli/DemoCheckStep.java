package dev.portolan.cli;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogEntity;
import dev.portolan.catalog.core.CatalogProblem;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.Relation;
import java.io.File;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads the sample into a catalog (as {@code portolan check} does) and summarises it: entities by kind,
 * relations by type and problems by kind (invalid entities, dangling relations, dependsOn cycles...).
 */
final class DemoCheckStep implements DemoStep {

  @Override
  public String title() {
    return "Check the catalog: relations, dangling refs, cycles";
  }

  @Override
  public boolean run(DemoContext context) {
    PrintWriter out = context.out();
    context.progress("Loading " + context.sample().catalogFiles().size() + " catalog files");
    Catalog catalog = context.catalog();
    CatalogSnapshot s = catalog.snapshot();
    Map<String, Integer> kinds = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, Integer> relations = new TreeMap<>();
    int relationCount = 0;
    for (CatalogEntity e : s.entities()) {
      kinds.merge(e.kind(), 1, Integer::sum);
      for (Relation r : e.relations()) {
        relations.merge(r.type().id(), 1, Integer::sum);
        relationCount++;
      }
    }
    out.println();
    DemoTables.counts(out, "Kind", "Entities", kinds);
    out.println();
    DemoTables.counts(out, "Relation", "Count", relations);
    out.println();
    Map<String, Integer> problems = new TreeMap<>();
    for (CatalogProblem.Kind k : List.of(CatalogProblem.Kind.INVALID_ENTITY, CatalogProblem.Kind.DANGLING_RELATION,
        CatalogProblem.Kind.DEPENDS_ON_CYCLE, CatalogProblem.Kind.CONFLICT, CatalogProblem.Kind.LOCATION)) {
      problems.put(k.ruleId(), 0);
    }
    for (CatalogProblem p : s.problems()) {
      problems.merge(p.kind().ruleId(), 1, Integer::sum);
    }
    DemoTables.counts(out, "Check", "Problems", problems);
    out.println();
    String rootPrefix = context.sample().root().toString() + File.separator;
    for (CatalogProblem p : s.problems()) {
      String line = CheckCommand.textLine(p);
      out.println("  " + line.replace(rootPrefix, ""));
    }
    long errors = s.problems().stream().filter(p -> p.severity() == CatalogProblem.Severity.ERROR).count();
    out.printf(Locale.ROOT, "%s, %d relations%n",
        CheckCommand.summaryLine(s.size(), errors, s.problems().size() - errors), relationCount);
    return errors == 0;
  }
}
