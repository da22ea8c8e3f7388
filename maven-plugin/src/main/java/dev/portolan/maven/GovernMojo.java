package dev.portolan.maven;

import dev.portolan.governance.AssetCatalog;
import dev.portolan.governance.Baseline;
import dev.portolan.governance.Finding;
import dev.portolan.governance.Governance;
import dev.portolan.governance.GovernanceException;
import dev.portolan.governance.Report;
import dev.portolan.governance.ReportFormat;
import dev.portolan.governance.RulePack;
import dev.portolan.governance.Severity;
import dev.portolan.governance.Waiver;
import java.io.File;
import java.io.IOException;
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
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Evaluates governance rules (the built-in packs and your own) over the catalog descriptors, writes the
 * reports and fails the build when a finding reaches the severity threshold ({@code failOn}). Waived
 * findings never fail; with a baseline, only new findings do.
 */
@Mojo(name = "govern", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public final class GovernMojo extends AbstractCatalogMojo {

  /** Rule pack YAML files evaluated besides (or, with {@code builtInRules=false}, instead of) the built-in ones. */
  @Parameter
  List<File> rulePacks = new ArrayList<>();

  /** Whether the built-in rule packs are evaluated. */
  @Parameter(property = "portolan.builtInRules", defaultValue = "true")
  boolean builtInRules;

  /** A waivers YAML file. */
  @Parameter(property = "portolan.waivers")
  File waivers;

  /** An earlier JSON report: findings already in it do not fail the build. */
  @Parameter(property = "portolan.baseline")
  File baseline;

  /** The evaluation date ({@code YYYY-MM-DD}) for expiries and ages; default: today in UTC. */
  @Parameter(property = "portolan.date")
  String date;

  /**
   * The lowest severity that fails the build: {@code critical}, {@code high}, {@code medium}, {@code low},
   * {@code info}, or {@code none} to never fail on findings.
   */
  @Parameter(property = "portolan.failOn", defaultValue = "high")
  String failOn;

  /** Creates the goal; Maven sets the parameters. */
  public GovernMojo() {}

  @Override
  String goal() {
    return "govern";
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("portolan:govern skipped");
      return;
    }
    Severity threshold = threshold();
    List<ReportFormat> reportFormats = reportFormats();
    Governance governance = governance();
    List<Path> files = descriptorFiles();
    AssetCatalog.Builder catalog = AssetCatalog.builder();
    List<String> unreadable = new ArrayList<>();
    for (Path f : files) {
      try {
        catalog.addYaml(Files.readString(f, StandardCharsets.UTF_8), display(f));
      } catch (IOException | UncheckedIOException e) {
        unreadable.add(display(f) + ": expected a readable UTF-8 file, found " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : " " + e.getMessage()));
      }
    }
    Report report;
    try {
      report = governance.evaluate(catalog.build());
    } catch (GovernanceException e) {
      throw new MojoExecutionException("portolan:govern: " + e.getMessage(), e);
    }
    for (ReportFormat fmt : reportFormats) {
      Path out = reportDirectory.toPath().resolve("governance." + extension(fmt));
      try {
        Files.createDirectories(reportDirectory.toPath());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          fmt.write(report, w);
        }
      } catch (IOException | UncheckedIOException e) {
        throw new MojoExecutionException(out + ": cannot write the " + fmt + " report: " + e.getMessage(), e);
      }
      getLog().info("governance " + fmt + " report: " + out);
    }
    List<String> errors = new ArrayList<>(unreadable);
    report.problems().forEach(p -> errors.add(p.getMessage()));
    errors.forEach(getLog()::error);
    for (Finding f : report.findings()) {
      if (!f.waived()) {
        String line = line(f);
        if (threshold != null && f.severity().atLeast(threshold)) {
          getLog().error(line);
        } else {
          getLog().warn(line);
        }
      }
    }
    Map<Severity, Integer> counts = report.counts();
    StringBuilder summary = new StringBuilder().append(report.entityCount())
        .append(report.entityCount() == 1 ? " entity, " : " entities, ").append(report.rules().size())
        .append(report.rules().size() == 1 ? " rule, as of " : " rules, as of ").append(report.asOf()).append(':');
    for (Severity s : Severity.values()) {
      summary.append(' ').append(counts.get(s)).append(' ').append(s.label());
    }
    getLog().info(summary.toString());
    List<Finding> gating = threshold == null ? List.of() : report.gating(threshold);
    if (failOnError && (!gating.isEmpty() || !errors.isEmpty())) {
      StringBuilder msg = new StringBuilder("portolan:govern failed:");
      errors.forEach(e -> msg.append(System.lineSeparator()).append(e));
      if (!gating.isEmpty()) {
        msg.append(System.lineSeparator()).append(gating.size())
            .append(gating.size() == 1 ? " finding" : " findings").append(" at or above ").append(threshold.label())
            .append(report.baselineUsed() ? " not in the baseline" : "").append(':');
        gating.forEach(f -> msg.append(System.lineSeparator()).append(line(f)));
      }
      throw new MojoFailureException(msg.toString());
    }
  }

  private static String line(Finding f) {
    StringBuilder sb = new StringBuilder();
    f.location().ifPresent(l -> sb.append(l).append(": "));
    sb.append(f.entity()).append(": ").append(f.severity().label()).append(' ').append(f.rule());
    if (!f.check().isEmpty()) {
      sb.append(" [").append(f.check()).append(']');
    }
    return sb.append(": ").append(f.message()).toString();
  }

  private Severity threshold() throws MojoExecutionException {
    if (failOn == null || failOn.trim().equalsIgnoreCase("none")) {
      return null;
    }
    try {
      return Severity.parse(failOn);
    } catch (GovernanceException e) {
      throw new MojoExecutionException("failOn: expected critical, high, medium, low, info or none, found '"
          + failOn + "'", e);
    }
  }

  private List<ReportFormat> reportFormats() throws MojoExecutionException {
    List<ReportFormat> out = new ArrayList<>();
    for (String f : formats == null ? List.<String>of() : formats) {
      if (f.isBlank()) {
        continue;
      }
      try {
        out.add(ReportFormat.parse(f.trim()));
      } catch (GovernanceException e) {
        throw new MojoExecutionException("formats: expected text, json, sarif, junit or markdown, found '" + f + "'", e);
      }
    }
    return out;
  }

  private static String extension(ReportFormat f) {
    return switch (f) {
      case TEXT -> "txt";
      case JSON -> "json";
      case SARIF -> "sarif";
      case JUNIT -> "xml";
      case MARKDOWN -> "md";
    };
  }

  private Governance governance() throws MojoExecutionException {
    try {
      Governance.Builder b = Governance.builder().clock(clock());
      if (builtInRules) {
        b.builtInPacks();
      }
      for (File r : rulePacks == null ? List.<File>of() : rulePacks) {
        b.pack(RulePack.load(existing("rulePacks", r)));
      }
      if (waivers != null) {
        b.waivers(Waiver.load(existing("waivers", waivers)));
      }
      if (baseline != null) {
        b.baseline(Baseline.load(existing("baseline", baseline)));
      }
      return b.build();
    } catch (GovernanceException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  private Path existing(String parameter, File f) throws MojoExecutionException {
    Path p = resolve(f);
    if (!Files.isRegularFile(p)) {
      throw new MojoExecutionException(parameter + ": " + display(p) + ": expected an existing file, found "
          + (Files.exists(p) ? "a directory" : "nothing"));
    }
    return p;
  }

  private Clock clock() throws MojoExecutionException {
    if (date == null || date.isBlank()) {
      return Clock.systemUTC();
    }
    try {
      return Clock.fixed(LocalDate.parse(date.trim()).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new MojoExecutionException("date: expected an ISO-8601 date such as 2026-07-01, found '"
          + date.toLowerCase(Locale.ROOT) + "'", e);
    }
  }
}
