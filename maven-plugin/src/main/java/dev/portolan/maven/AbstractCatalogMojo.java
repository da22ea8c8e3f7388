package dev.portolan.maven;

import dev.portolan.catalog.model.Profile;
import dev.portolan.catalog.core.CatalogProblem;
import dev.portolan.catalog.core.CheckReport;
import dev.portolan.maven.internal.DescriptorScanner;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What the catalog goals share: where the descriptors are, the profile, the reports, failing and skipping. */
abstract class AbstractCatalogMojo extends AbstractMojo {

  /** The project directory; file names in messages and reports are relative to it. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  /** The directories searched for descriptors. Default: the project directory. */
  @Parameter
  List<File> directories = new ArrayList<>();

  /** Globs, relative to each directory, of the descriptor files. */
  @Parameter
  List<String> includes = new ArrayList<>(List.of("**/catalog-info.yaml", "**/catalog-info.yml"));

  /** Globs, relative to each directory, of files and directories never read. */
  @Parameter
  List<String> excludes = new ArrayList<>(List.of("**/target/**", "**/node_modules/**", "**/.git/**"));

  /** The Backstage backend whose verdicts to follow: {@code app} (catalog, scaffolder, AI modules) or {@code core}. */
  @Parameter(property = "portolan.profile", defaultValue = "app")
  String profile;

  /** Where the SARIF and JUnit reports are written. */
  @Parameter(property = "portolan.reportDirectory", defaultValue = "${project.build.directory}/portolan")
  File reportDirectory;

  /** The reports to write: any of {@code sarif}, {@code junit}; empty for none. */
  @Parameter(property = "portolan.formats", defaultValue = "sarif,junit")
  List<String> formats;

  /** Whether errors fail the build; when false they are only logged and reported. */
  @Parameter(property = "portolan.failOnError", defaultValue = "true")
  boolean failOnError;

  /** Skips the goal. */
  @Parameter(property = "portolan.skip", defaultValue = "false")
  boolean skip;

  /** The plugin's version, reported as the SARIF tool version. */
  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  String pluginVersion;

  /** The goal name, for messages and report file names. */
  abstract String goal();

  Profile profile() throws MojoExecutionException {
    try {
      return Profile.parse(profile.trim());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("profile: expected app or core, found '" + profile + "'", e);
    }
  }

  /**
   * Every descriptor file of the configured directories, absolute and in order, each once.
   */
  List<Path> descriptorFiles() throws MojoExecutionException {
    List<File> dirs = directories == null || directories.isEmpty() ? List.of(basedir) : directories;
    DescriptorScanner scanner = new DescriptorScanner(includes == null ? List.of() : includes,
        excludes == null ? List.of() : excludes);
    Set<Path> files = new LinkedHashSet<>();
    for (File d : dirs) {
      Path dir = resolve(d);
      if (!Files.isDirectory(dir)) {
        throw new MojoExecutionException("directories: " + display(dir) + ": expected a directory, found "
            + (Files.exists(dir) ? "a file" : "nothing"));
      }
      try {
        files.addAll(scanner.scan(dir));
      } catch (UncheckedIOException e) {
        throw new MojoExecutionException(display(dir) + ": cannot list the directory: " + e.getCause().getMessage(), e);
      }
    }
    return List.copyOf(files);
  }

  Path resolve(File f) {
    Path p = f.toPath();
    return (p.isAbsolute() ? p : basedir.toPath().resolve(p)).toAbsolutePath().normalize();
  }

  /** A file name as shown to the user: relative to the project directory when below it. */
  String display(String file) {
    if (file.startsWith("provider:") || file.contains("://")) {
      return file;
    }
    Path p;
    try {
      p = Path.of(file);
    } catch (RuntimeException e) {
      return file;
    }
    return display(p);
  }

  String display(Path p) {
    Path base = basedir.toPath().toAbsolutePath().normalize();
    Path abs = p.toAbsolutePath().normalize();
    if (abs.startsWith(base) && !abs.equals(base)) {
      return base.relativize(abs).toString().replace(File.separatorChar, '/');
    }
    return abs.toString();
  }

  /**
   * Starts the report of the goal's findings: file names relative to the project directory, the plugin version
   * as the tool version, the goal as the JUnit suite name.
   */
  CheckReport.Builder report() {
    CheckReport.Builder b = CheckReport.builder().baseDirectory(basedir.toPath()).suiteName("portolan " + goal());
    if (pluginVersion != null) {
      b.toolVersion(pluginVersion);
    }
    return b;
  }

  /** Writes the configured reports of the findings. */
  void writeReports(CheckReport report) throws MojoExecutionException {
    for (String format : formats == null ? List.<String>of() : formats) {
      String f = format.trim().toLowerCase(Locale.ROOT);
      try {
        switch (f) {
          case "" -> {
            // an empty list item: nothing to write
          }
          case "sarif" -> {
            Path out = reportDirectory.toPath().resolve(goal() + ".sarif");
            try (Writer w = open(out)) {
              report.writeSarif(w);
            }
            getLog().info("SARIF report: " + out);
          }
          case "junit" -> {
            Path out = reportDirectory.toPath().resolve("TEST-portolan-" + goal() + ".xml");
            try (Writer w = open(out)) {
              report.writeJunit(w);
            }
            getLog().info("JUnit report: " + out);
          }
          default -> throw new MojoExecutionException("formats: expected sarif or junit, found '" + format + "'");
        }
      } catch (IOException e) {
        throw new MojoExecutionException(reportDirectory + ": cannot write the " + f + " report: " + e.getMessage(), e);
      }
    }
  }

  private static Writer open(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  /** A finding as one line, its file as shown to the user. */
  String line(CatalogProblem p) {
    return new CatalogProblem(p.severity(), p.kind(), display(p.file()), p.position(), p.ref(), p.path(),
        p.message()).toString();
  }

  /** Logs every finding, then fails when there are errors and {@link #failOnError} is set. */
  void conclude(List<CatalogProblem> problems, String summary) throws MojoFailureException {
    long errors = problems.stream().filter(p -> p.severity() == CatalogProblem.Severity.ERROR).count();
    for (CatalogProblem p : problems) {
      if (p.severity() == CatalogProblem.Severity.ERROR) {
        getLog().error(line(p));
      } else {
        getLog().warn(line(p));
      }
    }
    getLog().info(summary);
    if (errors > 0 && failOnError) {
      StringBuilder msg = new StringBuilder("portolan:").append(goal()).append(" found ").append(errors)
          .append(errors == 1 ? " error" : " errors").append(':');
      problems.stream().filter(p -> p.severity() == CatalogProblem.Severity.ERROR)
          .forEach(p -> msg.append(System.lineSeparator()).append(line(p)));
      throw new MojoFailureException(msg.toString());
    }
  }
}
