package dev.portolan.cli;

import dev.portolan.governance.AiBom;
import dev.portolan.governance.AssetCatalog;
import dev.portolan.governance.GovernanceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code portolan aibom}: export the AI inventory as a CycloneDX 1.6 ML-BOM. */
@Command(
    name = "aibom",
    mixinStandardHelpOptions = true,
    description = {
      "Exports models, datasets, lineage and the services and agents using them as CycloneDX 1.6 ML-BOM JSON.",
      "Exit code: 0 written, 1 some catalog files could not be read (the BOM is still written), 2 usage error."
    })
public final class AibomCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Catalog files or directories (*.yaml, *.yml).")
  List<Path> paths = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the BOM to FILE instead of stdout.")
  Path output;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The BOM timestamp date (default: today, UTC).")
  String date;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PathArguments.requireExisting(spec.commandLine(), paths);
    Clock clock;
    try {
      clock = GovernCommand.clock(date);
    } catch (GovernanceException e) {
      err.println("portolan aibom: " + e.getMessage());
      return PortolanCommand.EXIT_USAGE;
    }
    AssetCatalog catalog = AssetCatalog.load(paths);
    String version = AibomCommand.class.getPackage().getImplementationVersion();
    AiBom bom = AiBom.builder().clock(clock).toolVersion(version == null ? "development" : version).build();
    try {
      if (output != null) {
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
          bom.write(catalog, w);
        }
      } else {
        bom.write(catalog, spec.commandLine().getOut());
      }
    } catch (IOException | UncheckedIOException e) {
      err.println("portolan aibom: " + output + ": could not write the BOM: " + e.getMessage());
      return PortolanCommand.EXIT_USAGE;
    }
    catalog.problems().forEach(p -> err.println(p.getMessage()));
    return catalog.problems().isEmpty() ? 0 : PortolanCommand.EXIT_FINDINGS;
  }
}
