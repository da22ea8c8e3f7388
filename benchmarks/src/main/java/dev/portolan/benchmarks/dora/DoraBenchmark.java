package dev.portolan.benchmarks.dora;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.portolan.dora.DoraCalculator;
import dev.portolan.dora.DoraReport;
import dev.portolan.dora.Window;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * The DORA calculator against a bare Jackson streaming parse of the same JSON Lines file.
 *
 * <p>The file is made in the trial setup by the reference generator, {@code shared/oracle/dora/dora_gen.py}
 * (python3), with {@code --events <events> --seed <seed>}, and cached under {@code java.io.tmpdir} so later runs
 * reuse it. The shared folder comes from the system property {@code portolan.shared.dir} or the environment
 * variable {@code PORTOLAN_SHARED_DIR}, else {@code ../shared}. The window is the reference's 1M comparison window,
 * {@code [2024-03-01, 2024-05-31)}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DoraBenchmark -p events=10000000 -p threads=1,2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Xms2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class DoraBenchmark {

  /** Lines in the generated file. */
  @Param({"1000000"})
  public int events;

  /** Generator seed. */
  @Param({"42"})
  public long seed;

  /** Threads of one calculation ({@code DoraCalculator.Builder#threads}); the bare parse always uses one. */
  @Param({"1", "2"})
  public int threads;

  private Path file;
  private final JsonFactory json = new JsonFactory();

  /**
   * Generates the events file, or reuses the cached one.
   *
   * @throws Exception when python3 or the generator is missing
   */
  @Setup(Level.Trial)
  public void generate() throws Exception {
    file = eventsFile(events, seed);
  }

  /**
   * Generates (or finds in the cache) a JSON Lines file with the reference generator.
   *
   * @param events lines
   * @param seed seed
   * @return the file
   * @throws Exception when generation fails
   */
  public static Path eventsFile(int events, long seed) throws Exception {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "portolan-dora-bench");
    Files.createDirectories(dir);
    Path f = dir.resolve("events-" + events + "-" + seed + ".jsonl");
    if (Files.isRegularFile(f) && Files.size(f) > 0) {
      return f;
    }
    String shared =
        System.getProperty("portolan.shared.dir", System.getenv().getOrDefault("PORTOLAN_SHARED_DIR", "../shared"));
    Path gen = Path.of(shared, "oracle", "dora", "dora_gen.py");
    if (!Files.isRegularFile(gen)) {
      throw new IllegalStateException(
          "the generator " + gen + " is missing; set -Dportolan.shared.dir or PORTOLAN_SHARED_DIR");
    }
    Path tmp = dir.resolve(f.getFileName() + ".part");
    Process p =
        new ProcessBuilder(
                "python3", gen.toString(), "--events", Integer.toString(events), "--seed", Long.toString(seed),
                "--out", tmp.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("dora_gen.py failed with exit code " + p.exitValue());
    }
    Files.move(tmp, f);
    return f;
  }

  /**
   * Reads, merges, links and reports, as {@code portolan dora} does.
   *
   * @return the report
   */
  @Benchmark
  public DoraReport calculator() {
    return DoraCalculator.builder()
        .threads(threads)
        .window(Window.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 5, 31)))
        .build()
        .calculate(List.of(file));
  }

  /**
   * Every token of the file with Jackson's streaming parser and nothing else: the floor for any JSON reader.
   *
   * @return the number of tokens
   * @throws IOException when the file cannot be read
   */
  @Benchmark
  public long bareJacksonParse() throws IOException {
    long n = 0;
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = json.createParser(in)) {
      while (p.nextToken() != null) {
        n++;
      }
    }
    return n;
  }
}
