package dev.portolan.cli;

import dev.portolan.governance.AssetCatalog;
import dev.portolan.governance.Baseline;
import dev.portolan.governance.Governance;
import dev.portolan.governance.GovernanceException;
import dev.portolan.governance.Report;
import dev.portolan.governance.ReportFormat;
import dev.portolan.governance.RulePack;
import dev.portolan.governance.Severity;
import dev.portolan.governance.Waiver;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code portolan govern}: evaluate governance rules over catalog files and report for CI. */
@Command(
    name = "govern",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates governance rules (the 30 built-in rules plus your own) over catalog files.",
      "Exit code: 0 no gating findings, 1 findings at or above --fail-on (or unreadable catalog files),",
      "2 usage or configuration error (bad option, malformed rules, waivers or baseline)."
    })
public final class GovernCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Catalog files or directories (*.yaml, *.yml).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--rules", paramLabel = "FILE", description = "A rule pack YAML file (repeatable).")
  List<Path> rules = new ArrayList<>();

  @Option(names = "--no-builtin", description = "Do not load the built-in rule packs.")
  boolean noBuiltin;

  @Option(names = "--waivers", paramLabel = "FILE", description = "A waivers YAML file.")
  Path waivers;

  @Option(names = "--baseline", paramLabel = "FILE", description = "An earlier JSON report: only new findings gate.")
  Path baseline;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The evaluation date (default: today, UTC).")
  String date;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json, sarif, junit or markdown (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
  Path output;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
      description = "Lowest severity that fails: critical, high, medium, low, info or none (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PathArguments.requireExisting(spec.commandLine(), paths);
    PathArguments.requireExisting(spec.commandLine(), rules);
    PathArguments.requireExisting(spec.commandLine(), waivers);
    PathArguments.requireExisting(spec.commandLine(), baseline);
    ReportFormat fmt;
    Severity threshold = null;
    Clock clock;
    try {
      fmt = option("--format", () -> ReportFormat.parse(format));
      threshold = option("--fail-on", () -> Severity.parseThreshold(failOn)).orElse(null);
      clock = clock(date);
    } catch (GovernanceException e) {
      err.println("portolan govern: " + e.getMessage());
      return PortolanCommand.EXIT_USAGE;
    }
    Governance governance;
    try {
      Governance.Builder b = Governance.builder().clock(clock);
      if (!noBuiltin) {
        b.builtInPacks();
      }
      for (Path r : rules) {
        b.pack(RulePack.load(r));
      }
      if (waivers != null) {
        b.waivers(Waiver.load(waivers));
      }
      if (baseline != null) {
        b.baseline(Baseline.load(baseline));
      }
      governance = b.build();
    } catch (GovernanceException e) {
      err.println("portolan govern: " + e.getMessage());
      return PortolanCommand.EXIT_USAGE;
    }
    AssetCatalog catalog = AssetCatalog.load(paths);
    Report report = governance.evaluate(catalog);
    try {
      if (output != null) {
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
          fmt.write(report, w);
        }
      } else {
        fmt.write(report, spec.commandLine().getOut());
      }
    } catch (IOException | UncheckedIOException e) {
      err.println("portolan govern: " + (output == null ? "stdout" : output) + ": could not write the report: " + e.getMessage());
      return PortolanCommand.EXIT_USAGE;
    }
    if (fmt != ReportFormat.TEXT) {
      report.problems().forEach(p -> err.println(p.getMessage()));
    }
    boolean fails = threshold != null && report.fails(threshold);
    if (fails) {
      err.println("portolan govern: " + report.gating(threshold).size() + " finding(s) at or above "
          + threshold.label() + (report.baselineUsed() ? " not in the baseline" : ""));
    }
    return fails || !report.problems().isEmpty() ? PortolanCommand.EXIT_FINDINGS : 0;
  }

  /** Parses an option value; a problem names the option, as {@code --date} does. */
  private static <T> T option(String name, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (GovernanceException e) {
      throw new GovernanceException(name + ": " + e.getMessage());
    }
  }

  static Clock clock(String date) {
    if (date == null) {
      return Clock.systemUTC();
    }
    try {
      return Clock.fixed(LocalDate.parse(date.trim()).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new GovernanceException("--date: expected an ISO-8601 date such as 2026-07-01, found '" + date.toLowerCase(Locale.ROOT) + "'");
    }
  }
}
