package dev.portolan.cli;

import dev.portolan.dora.CatalogDirectory;
import dev.portolan.dora.DoraCalculator;
import dev.portolan.dora.DoraData;
import dev.portolan.dora.DoraReport;
import dev.portolan.dora.EventLoader;
import dev.portolan.dora.GroupBy;
import dev.portolan.dora.ReportWriter;
import dev.portolan.dora.Rollup;
import dev.portolan.dora.TierProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * DORA metrics of the sample's delivery events over the 91 days before the demo date, rolled up per team
 * through the catalog's owners (as {@code portolan dora --by team} does), and the HTML report.
 */
final class DemoDoraStep implements DemoStep {

  /** The window, in days, ending the day before the demo date. */
  static final int WINDOW_DAYS = 91;

  /** The HTML report's file name in the output folder. */
  static final String HTML = "dora.html";

  @Override
  public String title() {
    return "DORA metrics per team (" + WINDOW_DAYS + " days to " + DemoContext.DEMO_DATE + ", "
        + TierProfile.DORA_2023.id() + " tiers)";
  }

  @Override
  public boolean run(DemoContext context) {
    PrintWriter out = context.out();
    DoraCalculator calc = DoraCalculator.builder().clock(context.clock()).tierProfile(TierProfile.DORA_2023)
        .to(DemoContext.DEMO_DATE).windowDays(WINDOW_DAYS).build();
    Path events = context.sample().root().resolve(DemoSample.DELIVERY_EVENTS);
    context.progress("Reading delivery events from " + DemoSample.DELIVERY_EVENTS);
    EventLoader loader = calc.loader();
    loader.read(events);
    DoraData data = loader.load();
    context.progress("Computing the metrics, per service and per team");
    DoraReport report = calc.report(data);
    Rollup teams = calc.rollup(data, CatalogDirectory.of(context.catalog().snapshot()), GroupBy.TEAM);
    out.println();
    ReportWriter.text(report, Optional.of(teams), out);
    out.println();
    Path html = context.outDir().resolve(HTML);
    try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
      ReportWriter.html(report, Optional.of(teams), calc.weeklyTrend(data, Optional.empty()), w);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + html, e);
    }
    context.wrote("DORA report (HTML, with weekly trend charts)", html);
    long skipped = data.diagnostics().skipped();
    if (skipped > 0) {
      out.printf(Locale.ROOT, "%d line(s) or event(s) skipped%n", skipped);
    }
    return skipped == 0 && teams.unmapped().isEmpty();
  }
}
