package dev.portolan.benchmarks.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.benchmarks.gen.CatalogFile;
import dev.portolan.benchmarks.gen.CatalogGenerator;
import dev.portolan.benchmarks.gen.GeneratedCatalog;
import dev.portolan.governance.AssetCatalog;
import dev.portolan.governance.Governance;
import dev.portolan.governance.Report;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the CPU time of the measuring thread for one sequential evaluation of all built-in rules, so
 * numbers stay meaningful on a shared, loaded machine where JMH's wall clock is inflated, and the same for
 * deriving the typed graph from parsed documents ({@code AssetCatalog.Builder.build}). Usage: {@code
 * GovernanceCpuTime [entities] [runs]} (defaults 100000 and 7); prints the medians after warm-up runs.
 */
public final class GovernanceCpuTime {

  private GovernanceCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args entities and runs
   */
  public static void main(String[] args) {
    int entities = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    PrintStream out = System.out;
    GeneratedCatalog generated = CatalogGenerator.builder().entities(entities).seed(42).aiAssets(true).build().generate();
    AssetCatalog.Builder b = AssetCatalog.builder();
    for (CatalogFile f : generated.files()) {
      b.addYaml(f.content(), f.name());
    }
    AssetCatalog catalog = b.build();
    Clock clock = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);
    Governance sequential = Governance.builder().builtInPacks().clock(clock).parallel(false).build();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long warmUntil = System.nanoTime() + 20_000_000_000L;
    Report report = null;
    while (System.nanoTime() < warmUntil) {
      report = sequential.evaluate(catalog);
    }
    long[] cpu = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = mx.getCurrentThreadCpuTime();
      report = sequential.evaluate(catalog);
      cpu[i] = mx.getCurrentThreadCpuTime() - start;
    }
    Arrays.sort(cpu);
    List<JsonNode> documents = new ArrayList<>();
    for (var a : catalog.assets()) {
      documents.add(a.field("").orElseThrow());
    }
    long[] derive = new long[runs];
    warmUntil = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < warmUntil) {
      derive(documents);
    }
    for (int i = 0; i < runs; i++) {
      long start = mx.getCurrentThreadCpuTime();
      derive(documents);
      derive[i] = mx.getCurrentThreadCpuTime() - start;
    }
    Arrays.sort(derive);
    out.printf("entities=%d ai-assets=%d rules=%d findings=%d results=%d%n", catalog.size(), catalog.aiAssets().size(),
        report.rules().size(), report.findings().size(), report.results().size());
    out.printf("one thread, CPU time per evaluation: median %.0f ms, min %.0f ms, max %.0f ms (%d runs)%n",
        cpu[runs / 2] / 1e6, cpu[0] / 1e6, cpu[runs - 1] / 1e6, runs);
    out.printf("one thread, CPU time per graph derivation: median %.0f ms, min %.0f ms, max %.0f ms (%d runs)%n",
        derive[runs / 2] / 1e6, derive[0] / 1e6, derive[runs - 1] / 1e6, runs);
  }

  private static AssetCatalog derive(List<JsonNode> documents) {
    AssetCatalog.Builder b = AssetCatalog.builder();
    for (JsonNode d : documents) {
      b.add(d);
    }
    return b.build();
  }
}
