package dev.portolan.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the {@code portolan} command. */
public final class Main {

  /** Exit code when the JVM runs out of heap: the command could not finish. */
  public static final int EXIT_OUT_OF_MEMORY = 3;

  /**
   * Heap set aside at start and let go when the heap runs out, so that the message below can still be written. The
   * message is made at start too, so writing it allocates almost nothing.
   */
  private static byte[] reserve;

  private static final byte[] OUT_OF_MEMORY_MESSAGE =
      ("portolan: out of memory: the Java heap (" + (Runtime.getRuntime().maxMemory() >> 20)
              + " MB here) is too small for this input; give the JVM more, for example JAVA_OPTS=-Xmx2g\n")
          .getBytes(StandardCharsets.UTF_8);

  private Main() {}

  /**
   * Runs the command line and exits with its exit code. When the heap runs out, a one-line message says so and
   * the exit code is {@value #EXIT_OUT_OF_MEMORY}.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    reserve = new byte[1 << 21];
    PrintStream err = System.err;
    int code;
    try {
      code = run(args);
    } catch (OutOfMemoryError e) {
      reserve = null;
      err.write(OUT_OF_MEMORY_MESSAGE, 0, OUT_OF_MEMORY_MESSAGE.length);
      err.flush();
      code = EXIT_OUT_OF_MEMORY;
    }
    System.exit(code);
  }

  /**
   * Runs the command line without exiting, for tests and embedding.
   *
   * @param args the command-line arguments
   * @return the exit code: 0 success, 1 findings (invalid input, failed checks), 2 usage error
   */
  public static int run(String... args) {
    return PortolanCommand.commandLine().execute(args);
  }
}
