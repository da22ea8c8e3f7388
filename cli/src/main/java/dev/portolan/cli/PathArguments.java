package dev.portolan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import picocli.CommandLine;

/**
 * The one check every command applies to its path arguments: a path that does not exist is a usage error (exit
 * {@value PortolanCommand#EXIT_USAGE}) reported as {@code portolan: no such file or directory: <path>}.
 */
final class PathArguments {

  /** The argument meaning standard input where a command reads a stream. */
  static final String STDIN = "-";

  private PathArguments() {}

  /**
   * Fails with a usage error on the first path that does not exist.
   *
   * @param cmd the command whose arguments are checked
   * @param paths the paths; glob patterns (containing {@code *}) and {@code -} are left to the command
   * @throws CommandLine.ParameterException naming the first missing path
   */
  static void requireExisting(CommandLine cmd, Collection<Path> paths) {
    for (Path p : paths) {
      requireExisting(cmd, p);
    }
  }

  /**
   * Fails with a usage error when the path does not exist.
   *
   * @param cmd the command whose argument is checked
   * @param path the path, or {@code null} when the option was not given
   * @throws CommandLine.ParameterException naming the path
   */
  static void requireExisting(CommandLine cmd, Path path) {
    if (path == null) {
      return;
    }
    String text = path.toString();
    if (text.equals(STDIN) || text.contains("*")) {
      return;
    }
    if (!Files.exists(path)) {
      throw new CommandLine.ParameterException(cmd, message(path));
    }
  }

  /**
   * The wording of a missing path, shared by every command.
   *
   * @param path the missing path
   * @return {@code no such file or directory: <path>}
   */
  static String message(Path path) {
    return "no such file or directory: " + path;
  }
}
