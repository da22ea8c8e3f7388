package dev.portolan.cli;

import picocli.CommandLine;

/** Entry point of the {@code portolan} command. */
public final class Main {

  private Main() {}

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
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
