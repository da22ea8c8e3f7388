package dev.portolan.benchmarks.model;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The floor for catalog-model: a plain snakeyaml-engine {@code Load} of the same bytes (YAML 1.2 core schema,
 * duplicate keys rejected), with no validation. The score is the time to parse the whole catalog; divide the
 * entity count by it for documents per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class YamlBaselineBenchmark {

  private LoadSettings settings;

  /** Builds the loader settings once. */
  @Setup
  public void settings() {
    settings = LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false).build();
  }

  /**
   * Parses every document of every file into Java maps and lists.
   *
   * @param catalog the generated catalog
   * @param bh sink for the parsed documents
   * @return the number of documents parsed
   */
  @Benchmark
  public int parseOnly(GeneratedCatalogState catalog, Blackhole bh) {
    int n = 0;
    for (byte[] file : catalog.files) {
      for (Object doc : new Load(settings).loadAllFromInputStream(new ByteArrayInputStream(file))) {
        bh.consume(doc);
        n++;
      }
    }
    return n;
  }
}
