package dev.portolan.maven;

import dev.portolan.catalog.model.CatalogModel;
import dev.portolan.catalog.model.DocumentResult;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.SourcePosition;
import dev.portolan.catalog.model.Violation;
import dev.portolan.maven.internal.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The SARIF rule of invalid documents. */
  static final String RULE = "portolan/invalid-entity";

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
    List<Problem> problems = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    int documents = 0;
    int invalid = 0;
    for (Path f : files) {
      shown.add(display(f));
      for (DocumentResult r : model.validate(f)) {
        documents++;
        if (!r.valid()) {
          invalid++;
          for (Violation v : r.violations()) {
            problems.add(new Problem(true, RULE, display(v.file()),
                v.position().map(SourcePosition::line).orElse(0), v.position().map(SourcePosition::column).orElse(0),
                v.ref().map(EntityRef::toString), v.path().isRoot() ? "" : v.path().toString(), v.message()));
          }
        }
      }
    }
    Map<String, String> rules = new LinkedHashMap<>();
    rules.put(RULE, "The entity is rejected as Backstage's catalog rejects it.");
    writeReports(rules, shown, problems);
    if (files.isEmpty()) {
      getLog().warn("portolan:validate found no descriptor files (includes " + includes + ")");
    }
    conclude(problems, String.format("%d file%s, %d document%s: %d valid, %d invalid (profile %s)",
        files.size(), files.size() == 1 ? "" : "s", documents, documents == 1 ? "" : "s", documents - invalid,
        invalid, profile().cliName()));
  }
}
