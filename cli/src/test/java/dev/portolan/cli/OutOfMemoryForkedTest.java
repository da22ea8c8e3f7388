package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@code portolan dora} in a separate JVM whose heap is far too small for its input: it must end with one
 * line saying so and exit code 3, with no stack trace, on one thread and on several.
 */
class OutOfMemoryForkedTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void dora_heapTooSmall_printsOneLineAndExits3(int threads, @TempDir Path dir) throws Exception {
    Path events = dir.resolve("events.jsonl");
    Random random = new Random(7);
    byte[] sha = new byte[20];
    HexFormat hex = HexFormat.of();
    try (BufferedWriter w = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 300_000; i++) {
        random.nextBytes(sha);
        w.write("{\"type\":\"change\",\"sha\":\"" + hex.formatHex(sha) + "\",\"service\":\"svc-" + (i % 50)
            + "\",\"committed_at\":\"2024-01-01T00:00:00Z\"}\n");
      }
    }
    ForkedCli.Run run = ForkedCli.run("16m", 120, dir, "dora", events.toString(), "--format", "json", "--threads",
        Integer.toString(threads));
    String stderr = run.stderr();
    assertThat(stderr.lines()).containsExactly(
        "portolan: out of memory: the Java heap (" + heapMb(stderr) + " MB here) is too small for this input; "
            + "give the JVM more, for example JAVA_OPTS=-Xmx2g");
    assertThat(stderr).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.exitCode()).isEqualTo(Main.EXIT_OUT_OF_MEMORY);
    assertThat(run.stdout()).isEmpty();
  }

  /** The heap size the message names: the JVM rounds -Xmx to its own granularity. */
  private static String heapMb(String stderr) {
    int open = stderr.indexOf("heap (");
    return open < 0 ? "?" : stderr.substring(open + 6, stderr.indexOf(' ', open + 6));
  }
}
