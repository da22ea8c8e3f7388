package dev.portolan.cli;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.model.Profile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What every demo step gets: the extracted sample organisation, where to write, and the demo's fixed clock.
 *
 * @param sample the sample organisation, copied to a folder
 * @param out standard output (the step's report, progress lines and the files it wrote)
 * @param err standard error
 * @param outDir the folder the steps write their files to (reports, graphs, the scaffolded service)
 * @param clock the fixed clock every module is given, so that the output is the same on every run
 */
record DemoContext(DemoSample sample, PrintWriter out, PrintWriter err, Path outDir, Clock clock) {

  /** The demo's "today": the day after the last bundled delivery event. */
  static final LocalDate DEMO_DATE = LocalDate.of(2026, 11, 1);

  /** A clock fixed at the start of {@link #DEMO_DATE}, UTC. */
  static final Clock DEMO_CLOCK =
      Clock.fixed(Instant.parse(DEMO_DATE + "T00:00:00Z"), ZoneOffset.UTC);

  /** The profile the sample is checked with, as a Backstage app checks it. */
  static final Profile PROFILE = Profile.APP;

  /**
   * A catalog of the sample's descriptor files (under the app profile, at the demo clock).
   *
   * @return a freshly loaded catalog
   */
  Catalog catalog() {
    Catalog.Builder b = Catalog.builder().profile(PROFILE).clock(clock);
    sample.catalogFiles().forEach(b::location);
    return b.build();
  }

  /**
   * Prints a progress line for a long step.
   *
   * @param what what is being done
   */
  void progress(String what) {
    out.println("-> " + what);
    out.flush();
  }

  /**
   * Names a file the step wrote.
   *
   * @param what what the file holds
   * @param file the file
   */
  void wrote(String what, Path file) {
    out.println("Wrote " + what + ": " + file);
  }
}
