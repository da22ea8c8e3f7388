package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command line in a separate JVM with a given heap, as a user would, and keeps what it wrote. */
final class ForkedCli {

  /** What one run left behind. */
  record Run(int exitCode, String stdout, String stderr) {}

  private ForkedCli() {}

  /**
   * Runs {@link Main} in a new JVM on the test class path; asserts it finishes within the time.
   *
   * @param heap the {@code -Xmx} value, such as {@code 256m}
   * @param seconds how long it may take
   * @param work where the output files go
   * @param args the command-line arguments
   * @return its exit code and output
   */
  static Run run(String heap, long seconds, Path work, String... args) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(
        List.of(java.toString(), "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "forked-", ".out");
    Path err = Files.createTempFile(work, "forked-", ".err");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    boolean finished = p.waitFor(seconds, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
    }
    assertThat(finished).as("finished in time").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
