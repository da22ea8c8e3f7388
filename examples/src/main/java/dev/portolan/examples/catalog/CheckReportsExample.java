package dev.portolan.examples.catalog;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.CheckReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a catalog in a platform's own CI job and writes the reports CI servers read, as {@code portolan check}
 * and the Maven plugin's {@code check} goal do.
 *
 * <ol>
 *   <li>{@code Catalog.builder().root(repo).location(repo)} loads every descriptor of the repository; the
 *       snapshot holds the entities and every problem: invalid documents, dangling relations, conflicts,
 *       {@code dependsOn} cycles, unreadable Location targets.
 *   <li>{@link CheckReport#builder()} takes the snapshot and the repository as base directory, so the file names
 *       in the reports are relative to the repository: SARIF marks them with {@code uriBaseId %SRCROOT%}, which
 *       code scanning resolves in its own checkout.
 *   <li>{@link CheckReport#writeSarif} for code scanning, {@link CheckReport#writeJunit} for the test report
 *       view (one test case per entity and check), {@link CheckReport#writeJson} for anything else.
 * </ol>
 *
 * <p>Run it on a folder: {@code ./mvnw -q -pl examples -am compile exec:java
 * -Dexec.mainClass=dev.portolan.examples.catalog.CheckReportsExample
 * -Dexec.args="cli/src/main/resources/dev/portolan/cli/demo/catalog target/check-reports"}.
 */
public final class CheckReportsExample {

  private CheckReportsExample() {}

  /**
   * Checks the descriptors below a folder and writes {@code check.sarif}, {@code TEST-catalog-check.xml} and
   * {@code check.json} into another.
   *
   * @param repo the folder of descriptors, also the base of the file names in the reports
   * @param reports the folder to write the reports into; created when missing
   * @return whether the catalog has no errors (warnings do not count)
   * @throws UncheckedIOException when a report cannot be written
   */
  public static boolean check(Path repo, Path reports) {
    CatalogSnapshot snapshot = Catalog.builder().root(repo).location(repo).build().snapshot();
    CheckReport report = CheckReport.builder()
        .snapshot(snapshot)
        .baseDirectory(repo)
        .toolVersion("example")
        .build();
    try {
      Files.createDirectories(reports);
      try (Writer out = Files.newBufferedWriter(reports.resolve("check.sarif"), StandardCharsets.UTF_8)) {
        report.writeSarif(out);
      }
      try (Writer out = Files.newBufferedWriter(reports.resolve("TEST-catalog-check.xml"), StandardCharsets.UTF_8)) {
        report.writeJunit(out);
      }
      try (Writer out = Files.newBufferedWriter(reports.resolve("check.json"), StandardCharsets.UTF_8)) {
        report.writeJson(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(reports + ": cannot write the reports: " + e.getMessage(), e);
    }
    return report.errorCount() == 0;
  }

  /**
   * Checks {@code args[0]} and writes the reports into {@code args[1]}; exits with 1 when there are errors.
   *
   * @param args the folder of descriptors and the report folder
   */
  public static void main(String[] args) {
    List<String> a = List.of(args);
    Path reports = Path.of(a.size() > 1 ? a.get(1) : "target/check-reports");
    boolean ok = check(Path.of(a.isEmpty() ? "." : a.get(0)).toAbsolutePath(), reports);
    System.out.println((ok ? "no errors" : "errors found") + "; reports in " + reports.toAbsolutePath());
    if (!ok) {
      System.exit(1);
    }
  }
}
