package dev.portolan.benchmarks.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.benchmarks.gen.CatalogFile;
import dev.portolan.benchmarks.gen.CatalogGenerator;
import dev.portolan.benchmarks.gen.GeneratedCatalog;
import dev.portolan.governance.AiBom;
import dev.portolan.governance.AssetCatalog;
import dev.portolan.governance.Governance;
import dev.portolan.governance.Report;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * All 30 built-in governance rules over a generated catalog with AI assets (seed 42): models, datasets,
 * agents with grants and hand-offs, mcp-server APIs and governance blocks. {@code evaluate} times one full
 * evaluation (every rule on every entity, waivers, scorecards and rollups); {@code deriveGraph} times building
 * the typed graph from parsed documents; {@code exportAiBom} times the CycloneDX export.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class GovernanceBenchmark {

  /** Number of entities in the generated catalog. */
  @Param({"100000"})
  public int entities;

  private List<JsonNode> documents;
  private AssetCatalog catalog;
  private Governance governance;
  private AiBom aiBom;

  /** Generates, parses and indexes the catalog once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    GeneratedCatalog generated = CatalogGenerator.builder().entities(entities).seed(42).aiAssets(true).build().generate();
    AssetCatalog.Builder b = AssetCatalog.builder();
    for (CatalogFile f : generated.files()) {
      b.addYaml(f.content(), f.name());
    }
    catalog = b.build();
    if (!catalog.problems().isEmpty()) {
      throw new IllegalStateException("generated catalog has problems: " + catalog.problems().get(0).getMessage());
    }
    documents = new ArrayList<>();
    for (var a : catalog.assets()) {
      documents.add(a.field("").orElseThrow());
    }
    Clock clock = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);
    governance = Governance.builder().builtInPacks().clock(clock).build();
    aiBom = AiBom.builder().clock(clock).build();
  }

  /**
   * Every built-in rule over every entity.
   *
   * @return the report
   */
  @Benchmark
  public Report evaluate() {
    return governance.evaluate(catalog);
  }

  /**
   * Builds the typed governance graph (AI relations and inverses) from parsed entity documents.
   *
   * @return the catalog
   */
  @Benchmark
  public AssetCatalog deriveGraph() {
    AssetCatalog.Builder b = AssetCatalog.builder();
    for (JsonNode d : documents) {
      b.add(d);
    }
    return b.build();
  }

  /**
   * Exports the AI inventory as a CycloneDX ML-BOM tree.
   *
   * @return the BOM
   */
  @Benchmark
  public JsonNode exportAiBom() {
    return aiBom.export(catalog);
  }
}
