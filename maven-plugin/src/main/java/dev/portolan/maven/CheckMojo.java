package dev.portolan.maven;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogProblem;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.model.PortolanException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Loads the descriptors into a whole catalog, following Location entities, and fails the build on any error:
 * invalid entities, relations to entities missing from the catalog, two files claiming one entity,
 * {@code dependsOn} cycles and unreadable Location targets. Warnings (remote targets not fetched, orphans)
 * are logged and reported but never fail.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public final class CheckMojo extends AbstractCatalogMojo {

  /**
   * The catalog root: placeholders and Location targets may only read files below it. Default: the project
   * directory.
   */
  @Parameter(property = "portolan.root")
  File root;

  /** Creates the goal; Maven sets the parameters. */
  public CheckMojo() {}

  @Override
  String goal() {
    return "check";
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("portolan:check skipped");
      return;
    }
    List<Path> files = descriptorFiles();
    Catalog.Builder b = Catalog.builder().profile(profile()).root(resolve(root == null ? basedir : root));
    files.forEach(b::location);
    CatalogSnapshot s;
    try {
      s = b.build().snapshot();
    } catch (PortolanException e) {
      throw new MojoExecutionException("portolan:check: " + e.getMessage(), e);
    }
    List<CatalogProblem> problems = s.problems();
    writeReports(report().snapshot(s).build());
    if (files.isEmpty()) {
      getLog().warn("portolan:check found no descriptor files (includes " + includes + ")");
    }
    long errors = s.errors().size();
    conclude(problems, String.format("%d entit%s, %d error%s, %d warning%s (profile %s)", s.size(),
        s.size() == 1 ? "y" : "ies", errors,
        errors == 1 ? "" : "s", problems.size() - errors, problems.size() - errors == 1 ? "" : "s",
        profile().cliName()));
  }
}
