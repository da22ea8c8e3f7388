package dev.portolan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code portolan} command; every capability is a subcommand. */
@Command(
    name = "portolan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Backstage-compatible software catalog, templates, DORA metrics and AI governance.",
    subcommands = {
      CommandLine.HelpCommand.class,
      GovernCommand.class,
      AibomCommand.class,
      ValidateCommand.class,
      DemoCommand.class,
      CatalogCommand.class,
      RelationsCommand.class,
      GraphCommand.class,
      CheckCommand.class,
      ScaffoldCommand.class,
    })
public final class PortolanCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Exit code for usage errors: unknown options, missing arguments. */
  public static final int EXIT_USAGE = 2;

  /** Exit code when the input has findings (invalid documents, failed checks). */
  public static final int EXIT_FINDINGS = 1;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Builds the configured command line: usage errors exit with {@value #EXIT_USAGE}.
   *
   * @return a new command line
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new PortolanCommand());
    cl.setExitCodeExceptionMapper(e -> EXIT_USAGE);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine cmd = ex.getCommandLine();
          cmd.getErr().println("portolan: " + ex.getMessage());
          cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
          return EXIT_USAGE;
        });
    return cl;
  }
}
