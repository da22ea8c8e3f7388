package dev.portolan.cli;

import dev.portolan.catalog.model.CatalogModel;
import dev.portolan.catalog.model.DocumentResult;
import dev.portolan.catalog.model.Entity;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.PortolanException;
import dev.portolan.catalog.model.Profile;
import dev.portolan.catalog.model.Violation;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Validates the sample catalog as a Backstage app would, and summarises it by kind and by owner. */
final class DemoValidateStep implements DemoStep {

  private static final Profile PROFILE = Profile.APP;

  @Override
  public String title() {
    return "Validate the catalog (Backstage '" + PROFILE.cliName() + "' profile)";
  }

  @Override
  public boolean run(DemoContext context) {
    PrintWriter out = context.out();
    DemoSample sample = context.sample();
    CatalogModel model = CatalogModel.builder().profile(PROFILE).build();
    List<Path> files = sample.catalogFiles();
    List<DocumentResult> results = new ArrayList<>();
    for (Path f : files) {
      results.addAll(model.validate(f));
    }
    out.printf(Locale.ROOT, "Read %d entities from %d files:%n", results.size(), files.size());
    for (Path f : files) {
      out.println("  " + sample.relative(f));
    }
    out.println();
    printKinds(out, results);
    out.println();
    printOwners(out, results);
    out.println();
    List<Violation> violations = results.stream().flatMap(r -> r.violations().stream()).toList();
    long invalid = results.stream().filter(r -> !r.valid()).count();
    if (invalid == 0) {
      out.printf(Locale.ROOT, "All %d entities are valid.%n", results.size());
      return true;
    }
    out.printf(Locale.ROOT, "%d of %d entities are invalid (%d problems):%n", invalid, results.size(),
        violations.size());
    String rootPrefix = sample.root().toString() + File.separator;
    for (Violation v : violations) {
      String line = v.toString();
      out.println("  " + (line.startsWith(rootPrefix) ? line.substring(rootPrefix.length()) : line));
    }
    return false;
  }

  private static void printKinds(PrintWriter out, List<DocumentResult> results) {
    Map<String, int[]> byKind = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (DocumentResult r : results) {
      int[] c = byKind.computeIfAbsent(r.kind().orElse("(no kind)"), k -> new int[2]);
      c[r.valid() ? 0 : 1]++;
    }
    String fmt = "  %-12s %8s %6s %8s%n";
    out.printf(Locale.ROOT, fmt, "Kind", "Entities", "Valid", "Invalid");
    int valid = 0;
    int invalid = 0;
    for (Map.Entry<String, int[]> e : byKind.entrySet()) {
      int[] c = e.getValue();
      out.printf(Locale.ROOT, fmt, e.getKey(), c[0] + c[1], c[0], c[1]);
      valid += c[0];
      invalid += c[1];
    }
    out.printf(Locale.ROOT, fmt, "Total", valid + invalid, valid, invalid);
  }

  private static void printOwners(PrintWriter out, List<DocumentResult> results) {
    Map<String, Map<String, Integer>> byOwner = new TreeMap<>();
    int unowned = 0;
    for (DocumentResult r : results) {
      Optional<String> owner = r.entity().flatMap(DemoValidateStep::owner);
      if (owner.isEmpty()) {
        unowned++;
        continue;
      }
      byOwner.computeIfAbsent(owner.get(), o -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
          .merge(r.kind().orElse("(no kind)"), 1, Integer::sum);
    }
    List<Map.Entry<String, Map<String, Integer>>> rows = new ArrayList<>(byOwner.entrySet());
    rows.sort(Comparator.comparingInt((Map.Entry<String, Map<String, Integer>> e) -> -total(e.getValue()))
        .thenComparing(Map.Entry::getKey));
    int width = Math.max("Owner".length(), rows.stream().mapToInt(e -> e.getKey().length()).max().orElse(0));
    String fmt = "  %-" + width + "s %8s  %s%n";
    out.printf(Locale.ROOT, fmt, "Owner", "Entities", "Kinds");
    for (Map.Entry<String, Map<String, Integer>> e : rows) {
      StringBuilder kinds = new StringBuilder();
      e.getValue().forEach((k, n) -> kinds.append(kinds.length() == 0 ? "" : ", ").append(k).append(' ').append(n));
      out.printf(Locale.ROOT, fmt, e.getKey(), total(e.getValue()), kinds);
    }
    out.printf(Locale.ROOT, "  (%d entities have no owner: groups and users are the owners.)%n", unowned);
  }

  private static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The owner as a full ref: default kind Group, default namespace the entity's own. */
  private static Optional<String> owner(Entity e) {
    Optional<String> owner = e.specString("owner");
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    String namespace = e.ref().map(EntityRef::namespace).orElse(EntityRef.DEFAULT_NAMESPACE);
    try {
      return Optional.of(EntityRef.parse(owner.get(), Optional.of("group"), Optional.of(namespace))
          .normalized().toString());
    } catch (PortolanException ex) {
      return Optional.of(owner.get() + " (not a valid entity ref)");
    }
  }
}
