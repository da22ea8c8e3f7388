package dev.portolan.maven;

import dev.portolan.catalog.core.CatalogProblem;
import dev.portolan.catalog.core.CheckReport;
import dev.portolan.catalog.model.CatalogModel;
import dev.portolan.catalog.model.DocumentResult;
import dev.portolan.catalog.model.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates every catalog descriptor, document by document, as Backstage's catalog would, and fails the build
 * on an invalid one with {@code file:line:col: entity ref: field path: message} for every problem.
 * Relations between entities are not looked at: that is the {@code check} goal.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = true)
public final class ValidateMojo extends AbstractCatalogMojo {

  /** Whether {@code $text}, {@code $json} and {@code $yaml} placeholders naming local files are read and validated. */
  @Parameter(property = "portolan.readPlaceholderFiles", defaultValue = "true")
  boolean readPlaceholderFiles;

  /** Creates the goal; Maven sets the parameters. */
  public ValidateMojo() {}

  @Override
  String goal() {
    return "validate";
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("portolan:validate skipped");
      return;
    }
    CatalogModel model = CatalogModel.builder().profile(profile()).readPlaceholderFiles(readPlaceholderFiles).build();
    List<Path> files = descriptorFiles();
    List<CatalogProblem> problems = new ArrayList<>();
    CheckReport.Builder report = report().checks(List.of(CatalogProblem.Kind.INVALID_ENTITY));
    int documents = 0;
    int invalid = 0;
    for (Path f : files) {
      for (DocumentResult r : model.validate(f)) {
        documents++;
        if (r.valid()) {
          r.ref().ifPresent(ref -> report.entity(ref, r.file()));
        } else {
          invalid++;
          for (Violation v : r.violations()) {
            problems.add(new CatalogProblem(CatalogProblem.Severity.ERROR, CatalogProblem.Kind.INVALID_ENTITY,
                v.file(), v.position(), v.ref(), v.path(), v.message()));
          }
        }
      }
    }
    writeReports(report.problems(problems).build());
    if (files.isEmpty()) {
      getLog().warn("portolan:validate found no descriptor files (includes " + includes + ")");
    }
    conclude(problems, String.format("%d file%s, %d document%s: %d valid, %d invalid (profile %s)",
        files.size(), files.size() == 1 ? "" : "s", documents, documents == 1 ? "" : "s", documents - invalid,
        invalid, profile().cliName()));
  }
}
