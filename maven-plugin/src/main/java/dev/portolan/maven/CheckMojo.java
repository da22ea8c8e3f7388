package dev.portolan.maven;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogProblem;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.CatalogEntity;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.PortolanException;
import dev.portolan.catalog.model.SourcePosition;
import dev.portolan.maven.internal.Problem;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** The SARIF rule id of a problem kind, as {@code portolan check} names it. */
  static String ruleId(CatalogProblem.Kind kind) {
    return kind.ruleId();
  }

  static Map<String, String> rules() {
    Map<String, String> m = new LinkedHashMap<>();
    for (CatalogProblem.Kind k : CatalogProblem.Kind.values()) {
      m.put(k.ruleId(), k.description());
    }
    return m;
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
    List<Problem> problems = new ArrayList<>();
    for (CatalogProblem p : s.problems()) {
      problems.add(new Problem(p.severity() == CatalogProblem.Severity.ERROR, ruleId(p.kind()), display(p.file()),
          p.position().map(SourcePosition::line).orElse(0), p.position().map(SourcePosition::column).orElse(0),
          p.ref().map(EntityRef::toString), p.path().isRoot() ? "" : p.path().toString(), p.message()));
    }
    Set<String> shown = new LinkedHashSet<>();
    files.forEach(f -> shown.add(display(f)));
    for (CatalogEntity e : s.entities()) {
      shown.add(display(e.file()));
    }
    writeReports(rules(), List.copyOf(shown), problems);
    if (files.isEmpty()) {
      getLog().warn("portolan:check found no descriptor files (includes " + includes + ")");
    }
    long errors = problems.stream().filter(Problem::error).count();
    conclude(problems, String.format("%d entit%s, %d error%s, %d warning%s (profile %s)", s.size(),
        s.size() == 1 ? "y" : "ies", errors,
        errors == 1 ? "" : "s", problems.size() - errors, problems.size() - errors == 1 ? "" : "s",
        profile().cliName()));
  }
}
