package dev.portolan.benchmarks.model;

import dev.portolan.catalog.model.CatalogModel;
import dev.portolan.catalog.model.DocumentReader;
import dev.portolan.catalog.model.DocumentResult;
import dev.portolan.catalog.model.Profile;
import dev.portolan.catalog.model.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * catalog-model on a generated catalog: reading alone (YAML with source positions), and reading plus
 * Backstage's full validation, on one thread and spread over a fixed pool of worker threads (files are
 * independent). The score is the time for the whole catalog; compare with {@link YamlBaselineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CatalogModelBenchmark {

  /** The Backstage profile whose verdicts are computed. */
  @Param({"APP"})
  public String profile;

  /** Worker threads for {@link #validateParallel}. */
  @Param({"2"})
  public int workers;

  private CatalogModel model;
  private DocumentReader reader;
  private ExecutorService pool;

  /** Builds the model and the worker pool once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    model = CatalogModel.builder().profile(Profile.valueOf(profile)).build();
    reader = DocumentReader.create(model.limits());
    pool = Executors.newFixedThreadPool(workers);
  }

  /** Stops the worker pool. */
  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdownNow();
  }

  /**
   * Reads every document (YAML 1.2 with positions, to JSON), without validating.
   *
   * @param catalog the generated catalog
   * @param bh sink
   * @return the number of documents read
   */
  @Benchmark
  public int read(GeneratedCatalogState catalog, Blackhole bh) {
    int n = 0;
    for (int i = 0; i < catalog.files.size(); i++) {
      for (SourceDocument d : reader.read(catalog.names.get(i), catalog.files.get(i))) {
        bh.consume(d);
        n++;
      }
    }
    return n;
  }

  /**
   * Reads and validates every document on the calling thread.
   *
   * @param catalog the generated catalog
   * @param bh sink
   * @return the number of valid documents
   */
  @Benchmark
  public int validate(GeneratedCatalogState catalog, Blackhole bh) {
    return validateRange(catalog, new AtomicInteger(), bh);
  }

  /**
   * Reads and validates every document, the files shared out to {@code workers} threads.
   *
   * @param catalog the generated catalog
   * @param bh sink
   * @return the number of valid documents
   * @throws InterruptedException if interrupted
   * @throws ExecutionException if a worker fails
   */
  @Benchmark
  public int validateParallel(GeneratedCatalogState catalog, Blackhole bh)
      throws InterruptedException, ExecutionException {
    AtomicInteger next = new AtomicInteger();
    List<Future<Integer>> parts = new ArrayList<>(workers);
    for (int w = 0; w < workers; w++) {
      parts.add(pool.submit(() -> validateRange(catalog, next, bh)));
    }
    int valid = 0;
    for (Future<Integer> f : parts) {
      valid += f.get();
    }
    return valid;
  }

  private int validateRange(GeneratedCatalogState catalog, AtomicInteger next, Blackhole bh) {
    int valid = 0;
    for (int i = next.getAndIncrement(); i < catalog.files.size(); i = next.getAndIncrement()) {
      for (DocumentResult r : model.validate(catalog.names.get(i), catalog.files.get(i))) {
        bh.consume(r);
        if (r.valid()) {
          valid++;
        }
      }
    }
    return valid;
  }
}
