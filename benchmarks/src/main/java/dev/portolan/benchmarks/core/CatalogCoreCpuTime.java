package dev.portolan.benchmarks.core;

import com.sun.management.OperatingSystemMXBean;
import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.model.DocumentReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Process CPU time (all threads, GC included) of a bare parse and of a full load of the same catalog, for
 * shared machines where wall-clock single shots are noisy. Usage:
 * {@code java -Xmx1g -cp benchmarks.jar dev.portolan.benchmarks.core.CatalogCoreCpuTime DIR [ROUNDS]}.
 */
public final class CatalogCoreCpuTime {

  private CatalogCoreCpuTime() {}

  /**
   * Runs the comparison and prints one line per phase.
   *
   * @param args the catalog directory and the number of measured rounds (default 3)
   * @throws IOException if the catalog cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Path> files = CatalogCoreBenchmark.files(dir);
    List<byte[]> bytes = new ArrayList<>();
    for (Path p : files) {
      bytes.add(Files.readAllBytes(p));
    }
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long parse = 0;
    long load = 0;
    for (int r = -1; r < rounds; r++) {
      long t0 = os.getProcessCpuTime();
      DocumentReader reader = DocumentReader.create();
      int docs = 0;
      for (int i = 0; i < files.size(); i++) {
        docs += reader.read(files.get(i).toString(), bytes.get(i)).size();
      }
      long t1 = os.getProcessCpuTime();
      int edges = Catalog.builder().location(dir).build().snapshot().graph().edgeCount();
      long t2 = os.getProcessCpuTime();
      if (r >= 0) {
        parse += t1 - t0;
        load += t2 - t1;
      }
      System.out.printf("round %d: bare parse %d docs %.0f ms cpu, load %d edges %.0f ms cpu%n", r, docs,
          (t1 - t0) / 1e6, edges, (t2 - t1) / 1e6);
    }
    System.out.printf("mean over %d rounds: bare parse %.0f ms cpu, load %.0f ms cpu, ratio %.2f%n", rounds,
        parse / 1e6 / rounds, load / 1e6 / rounds, (double) load / parse);
  }
}
