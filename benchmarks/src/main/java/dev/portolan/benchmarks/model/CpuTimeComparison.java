package dev.portolan.benchmarks.model;

import dev.portolan.benchmarks.gen.CatalogFile;
import dev.portolan.benchmarks.gen.CatalogGenerator;
import dev.portolan.benchmarks.gen.GeneratedCatalog;
import dev.portolan.catalog.model.CatalogModel;
import dev.portolan.catalog.model.DocumentReader;
import dev.portolan.catalog.model.DocumentResult;
import dev.portolan.catalog.model.Profile;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The same three workloads as {@link YamlBaselineBenchmark} and {@link CatalogModelBenchmark} (bare parse,
 * catalog-model read, catalog-model read + validate), timed in CPU time of the measuring thread instead of
 * wall-clock time. On a machine shared with other work, wall-clock scores swing with the load while CPU time
 * stays close to what the work costs, so the ratios between the three are still meaningful there.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.portolan.benchmarks.model.CpuTimeComparison [entities]
 * [rounds]}; prints the median CPU milliseconds per pass and documents per CPU second.
 */
public final class CpuTimeComparison {

  private CpuTimeComparison() {}

  /**
   * Runs the comparison.
   *
   * @param args optional entity count (default 10000) and measured rounds (default 7)
   */
  public static void main(String[] args) {
    int entities = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    GeneratedCatalog catalog = CatalogGenerator.builder().entities(entities).seed(42).build().generate();
    List<String> names = catalog.files().stream().map(CatalogFile::name).toList();
    List<byte[]> files = catalog.files().stream().map(CatalogFile::bytes).toList();
    LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false).build();
    CatalogModel model = CatalogModel.builder().profile(Profile.APP).build();
    DocumentReader reader = DocumentReader.create(model.limits());

    ToIntFunction<Void> parse = v -> {
      int n = 0;
      for (byte[] f : files) {
        for (Object doc : new Load(settings).loadAllFromInputStream(new ByteArrayInputStream(f))) {
          n += doc == null ? 0 : 1;
        }
      }
      return n;
    };
    ToIntFunction<Void> read = v -> {
      int n = 0;
      for (int i = 0; i < files.size(); i++) {
        n += reader.read(names.get(i), files.get(i)).size();
      }
      return n;
    };
    ToIntFunction<Void> validate = v -> {
      int n = 0;
      for (int i = 0; i < files.size(); i++) {
        for (DocumentResult r : model.validate(names.get(i), files.get(i))) {
          n += r.valid() ? 1 : 0;
        }
      }
      return n;
    };
    System.out.printf(Locale.ROOT, "%d entities, %d rounds after warm-up; CPU time of one thread per pass%n",
        entities, rounds);
    double base = report("snakeyaml-engine Load (baseline)", parse, rounds, entities, 0);
    report("catalog-model read", read, rounds, entities, base);
    report("catalog-model read + validate (APP)", validate, rounds, entities, base);
  }

  private static double report(String label, ToIntFunction<Void> work, int rounds, int entities, double base) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long warmEnd = System.nanoTime() + 20_000_000_000L;
    int warm = 0;
    while (warm < 3 || (System.nanoTime() < warmEnd && warm < 15)) {
      work.applyAsInt(null);
      warm++;
    }
    double[] ms = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long t0 = mx.getCurrentThreadCpuTime();
      int n = work.applyAsInt(null);
      ms[i] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
      if (n != entities) {
        throw new IllegalStateException(label + ": expected " + entities + " documents, found " + n);
      }
    }
    Arrays.sort(ms);
    double median = ms[rounds / 2];
    System.out.printf(Locale.ROOT, "%-40s median %8.1f ms  (min %8.1f)  %8.0f docs/CPU-s%s%n", label, median,
        ms[0], entities / (median / 1000), base > 0 ? String.format(Locale.ROOT, "  %.2fx baseline", median / base) : "");
    return median;
  }
}
