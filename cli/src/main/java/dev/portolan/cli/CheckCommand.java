package dev.portolan.cli;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogProblem;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.CheckReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code portolan check}: validation, dangling relations, conflicts, dependsOn cycles and Location errors of
 * a whole catalog, for CI. Exit 1 on any error. The json, sarif and junit formats are
 * {@link CheckReport}'s, with file names relative to the working directory.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Checks a whole catalog: invalid entities, dangling relations, conflicts, dependsOn cycles, "
        + "Location errors. Exits with 1 when any error is found.")
public final class CheckCommand implements Callable<Integer> {

  /** One problem in the text format: {@code <severity>: <problem>}. */
  static String textLine(CatalogProblem p) {
    return p.severity().name().toLowerCase(Locale.ROOT) + ": " + p;
  }

  /** The last line of the text format. */
  static String summaryLine(int entities, long errors, long warnings) {
    return entities + " entities, " + errors + " error(s), " + warnings + " warning(s)";
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files, directories or globs")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", description = "text, json, sarif or junit (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--profile", defaultValue = "app", description = "app or core (default: ${DEFAULT-VALUE})")
  String profile;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = spec.commandLine();
    if (!List.of("text", "json", "sarif", "junit").contains(format)) {
      throw new CommandLine.ParameterException(cmd, "--format must be text, json, sarif or junit, found " + format);
    }
    Catalog catalog = CatalogLoading.load(paths, CatalogLoading.profile(profile, cmd), cmd);
    CatalogSnapshot s = catalog.snapshot();
    List<CatalogProblem> problems = s.problems();
    long errors = problems.stream().filter(p -> p.severity() == CatalogProblem.Severity.ERROR).count();
    PrintWriter out = cmd.getOut();
    if (format.equals("text")) {
      for (CatalogProblem p : problems) {
        out.println(textLine(p));
      }
      out.println(summaryLine(s.size(), errors, problems.size() - errors));
    } else {
      CheckReport.Builder report = CheckReport.builder().snapshot(s).baseDirectory(Path.of("").toAbsolutePath());
      Optional.ofNullable(Main.class.getPackage().getImplementationVersion()).ifPresent(report::toolVersion);
      switch (format) {
        case "json" -> report.build().writeJson(out);
        case "sarif" -> report.build().writeSarif(out);
        default -> report.build().writeJunit(out);
      }
    }
    out.flush();
    return errors > 0 ? PortolanCommand.EXIT_FINDINGS : 0;
  }
}
