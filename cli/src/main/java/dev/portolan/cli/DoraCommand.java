package dev.portolan.cli;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.model.Profile;
import dev.portolan.dora.CatalogDirectory;
import dev.portolan.dora.CsvEvents;
import dev.portolan.dora.DoraCalculator;
import dev.portolan.dora.DoraData;
import dev.portolan.dora.DoraInputException;
import dev.portolan.dora.DoraReport;
import dev.portolan.dora.EventLoader;
import dev.portolan.dora.GroupBy;
import dev.portolan.dora.ReportWriter;
import dev.portolan.dora.Rollup;
import dev.portolan.dora.TierProfile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portolan dora}: DORA metrics from delivery events, per service or rolled up through the catalog. */
@Command(
    name = "dora",
    mixinStandardHelpOptions = true,
    description = {
      "Computes the DORA metrics (deployment frequency, lead time for changes, change failure rate, failed"
          + " deployment recovery time, deployment rework rate) from delivery events, with tiers.",
      "EVENTS are JSON Lines files (.jsonl, .jsonl.gz; - for standard input) or CSV files with a header (.csv).",
      "Bad lines are counted and listed with their line numbers; the rest is still used (exit code 1)."
    })
public final class DoraCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "EVENTS", description = "event files (.jsonl, .jsonl.gz, .csv, -)")
  List<Path> events = new ArrayList<>();

  @Option(names = "--from", paramLabel = "DATE", description = "first day of the window, UTC (YYYY-MM-DD)")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "day after the last day of the window, UTC")
  String to;

  @Option(
      names = "--days",
      defaultValue = "91",
      paramLabel = "N",
      description = "window length when --from or --to is missing (default: ${DEFAULT-VALUE})")
  int days;

  @Option(
      names = "--tiers",
      defaultValue = "dora-2023",
      paramLabel = "PROFILE",
      description = "tier profile: dora-2023 or dora-2021 (default: ${DEFAULT-VALUE})")
  String tiers;

  @Option(names = "--catalog", paramLabel = "PATH", description = "catalog files or directories, for --by")
  List<Path> catalog = new ArrayList<>();

  @Option(
      names = "--by",
      defaultValue = "service",
      description = "service, team, system or domain (team, system and domain need --catalog; default: ${DEFAULT-VALUE})")
  String by;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json or html (default: ${DEFAULT-VALUE})")
  String format;

  @Option(
      names = "--weekly",
      description = "json: add a 'weekly' array with the metrics of each 7-day block of the window")
  boolean weekly;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report here instead of stdout")
  Path output;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "threads for one large uncompressed file, linking and the report; the result is the same with"
          + " any number (default: 2, or 1 on a single processor)")
  Integer threads;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    PathArguments.requireExisting(cmd, events);
    PathArguments.requireExisting(cmd, catalog);
    if (!List.of("text", "json", "html").contains(format)) {
      throw new CommandLine.ParameterException(cmd, "--format must be text, json or html, found " + format);
    }
    GroupBy groupBy =
        GroupBy.fromKey(by)
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        cmd, "--by must be service, team, system or domain, found " + by));
    if (groupBy != GroupBy.SERVICE && catalog.isEmpty()) {
      throw new CommandLine.ParameterException(cmd, "--by " + by + " needs --catalog PATH");
    }
    TierProfile profile =
        TierProfile.fromId(tiers)
            .orElseThrow(
                () -> new CommandLine.ParameterException(cmd, "--tiers must be dora-2023 or dora-2021, found " + tiers));
    if (days < 1) {
      throw new CommandLine.ParameterException(cmd, "--days must be at least 1, found " + days);
    }
    if (threads != null && threads < 1) {
      throw new CommandLine.ParameterException(cmd, "--threads must be at least 1, found " + threads);
    }
    DoraCalculator.Builder b = DoraCalculator.builder().tierProfile(profile).windowDays(days);
    if (threads != null) {
      b.threads(threads);
    }
    date("--from", from, cmd).ifPresent(b::from);
    date("--to", to, cmd).ifPresent(b::to);
    DoraCalculator calc;
    try {
      calc = b.build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }

    PrintWriter err = cmd.getErr();
    boolean findings = false;
    EventLoader loader = calc.loader();
    int unreadable = 0;
    for (Path p : events) {
      try {
        if (p.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
          try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            CsvEvents.Result csv = CsvEvents.read(p.toString(), r);
            loader.addAll(csv.events());
            for (DoraInputException e : csv.errors()) {
              err.println("portolan dora: " + e.getMessage());
              findings = true;
            }
          }
        } else {
          loader.read(p);
        }
      } catch (DoraInputException e) {
        err.println("portolan dora: " + e.getMessage());
        unreadable++;
      } catch (IOException e) {
        err.println("portolan dora: " + p + ": expected a readable file, found " + e.getMessage());
        unreadable++;
      }
    }
    if (unreadable == events.size()) {
      err.flush();
      return PortolanCommand.EXIT_FINDINGS;
    }
    findings |= unreadable > 0;
    DoraData data = loader.load();
    DoraReport report = calc.report(data);

    Optional<Rollup> rollup = Optional.empty();
    if (!catalog.isEmpty()) {
      Catalog cat = CatalogLoading.load(catalog, Profile.APP, cmd);
      rollup = Optional.of(calc.rollup(data, CatalogDirectory.of(cat.snapshot()), groupBy));
    }

    try (Writer w = open()) {
      switch (format) {
        case "json" ->
            ReportWriter.json(
                report, rollup, weekly ? calc.weeklyTrend(data, Optional.empty()) : List.of(), w);
        case "html" -> ReportWriter.html(report, rollup, calc.weeklyTrend(data, Optional.empty()), w);
        default -> ReportWriter.text(report, rollup, w);
      }
    } catch (IOException | UncheckedIOException e) {
      err.println("portolan dora: " + (output == null ? "standard output" : output) + ": cannot write: " + e.getMessage());
      return PortolanCommand.EXIT_FINDINGS;
    }
    long skipped = data.diagnostics().skipped();
    if (skipped > 0) {
      err.println(
          "portolan dora: " + skipped + " line(s) or event(s) skipped; first: "
              + data.diagnostics().problems().stream().findFirst().map(Object::toString).orElse("-"));
      findings = true;
    }
    err.flush();
    return findings ? PortolanCommand.EXIT_FINDINGS : 0;
  }

  private Writer open() throws IOException {
    if (output != null) {
      return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    }
    PrintWriter out = spec.commandLine().getOut();
    return new BufferedWriter(
        new Writer() {
          @Override
          public void write(char[] cbuf, int off, int len) {
            out.write(cbuf, off, len);
          }

          @Override
          public void flush() {
            out.flush();
          }

          @Override
          public void close() {
            out.flush();
          }
        },
        1 << 16);
  }

  private static Optional<LocalDate> date(String option, String value, CommandLine cmd) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(cmd, option + " must be a date YYYY-MM-DD, found " + value);
    }
  }

}
