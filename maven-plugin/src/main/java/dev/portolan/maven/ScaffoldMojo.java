package dev.portolan.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.model.DocumentReader;
import dev.portolan.catalog.model.PortolanException;
import dev.portolan.catalog.model.SourceDocument;
import dev.portolan.scaffolder.ScaffoldRequest;
import dev.portolan.scaffolder.ScaffoldResult;
import dev.portolan.scaffolder.Scaffolder;
import dev.portolan.scaffolder.Template;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs a Backstage {@code scaffolder.backstage.io/v1beta3} template with parameter values and writes the
 * generated files into a folder. The build fails, naming the step and the reason, when the values do not
 * match the template's parameter schemas or a step fails.
 */
@Mojo(name = "scaffold", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true, requiresProject = true)
public final class ScaffoldMojo extends AbstractMojo {

  /** The project directory. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  /** The template file ({@code template.yaml}). */
  @Parameter(property = "portolan.template", required = true)
  File template;

  /** A YAML or JSON file with the parameter values (a mapping). */
  @Parameter(property = "portolan.valuesFile")
  File valuesFile;

  /** Parameter values as strings; they override the same names from {@code valuesFile}. */
  @Parameter
  Map<String, String> values = new LinkedHashMap<>();

  /** Task secrets, visible to steps and redacted from logs and outputs. */
  @Parameter
  Map<String, String> secrets = new LinkedHashMap<>();

  /** The folder the generated files are written to. */
  @Parameter(property = "portolan.outputDirectory", defaultValue = "${project.build.directory}/scaffold")
  File outputDirectory;

  /** Actions whose steps are skipped, e.g. {@code publish:github} or {@code catalog:register}. */
  @Parameter
  List<String> skipActions = new ArrayList<>();

  /** The directory relative {@code url:} inputs may reach with {@code ../}; default: the template's own directory. */
  @Parameter(property = "portolan.templateRoot")
  File templateRoot;

  /** Whether a step fails when one of its input values cannot be rendered. */
  @Parameter(property = "portolan.strict", defaultValue = "false")
  boolean strict;

  /** Skips the goal. */
  @Parameter(property = "portolan.skip", defaultValue = "false")
  boolean skip;

  /** Creates the goal; Maven sets the parameters. */
  public ScaffoldMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("portolan:scaffold skipped");
      return;
    }
    Path templateFile = resolve(template);
    if (!Files.isRegularFile(templateFile)) {
      throw new MojoExecutionException("template: " + templateFile + ": expected an existing file, found "
          + (Files.exists(templateFile) ? "a directory" : "nothing"));
    }
    ObjectNode input = readValues();
    values.forEach((k, v) -> input.put(k, v));
    Scaffolder.Builder builder = Scaffolder.builder().strictRendering(strict);
    skipActions.forEach(builder::skipAction);
    if (templateRoot != null) {
      builder.templateRoot(resolve(templateRoot));
    }
    Scaffolder scaffolder = builder.build();
    Path out = resolve(outputDirectory);
    ScaffoldResult result;
    try {
      Template t = scaffolder.loadTemplate(templateFile);
      result = scaffolder.run(ScaffoldRequest.into(t, input, out).withSecrets(secrets));
    } catch (PortolanException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    for (ScaffoldResult.StepResult s : result.steps()) {
      getLog().info("step " + s.id() + " (" + s.action() + "): " + s.status());
    }
    for (ScaffoldResult.LogEntry e : result.log()) {
      String line = (e.stepId().isEmpty() ? "" : e.stepId() + ": ") + e.message();
      switch (e.level()) {
        case "error" -> getLog().error(line);
        case "warn", "warning" -> getLog().warn(line);
        default -> getLog().debug(line);
      }
    }
    if (!result.succeeded()) {
      throw new MojoFailureException(templateFile + ": " + result.error().orElse("the template failed"));
    }
    getLog().info(result.files().size() + (result.files().size() == 1 ? " file" : " files") + " written to " + out);
    for (ScaffoldResult.GeneratedFile f : result.files()) {
      getLog().debug("  " + f.path());
    }
  }

  private ObjectNode readValues() throws MojoExecutionException, MojoFailureException {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    if (valuesFile == null) {
      return input;
    }
    Path file = resolve(valuesFile);
    if (!Files.isRegularFile(file)) {
      throw new MojoExecutionException("valuesFile: " + file + ": expected an existing file, found nothing");
    }
    List<SourceDocument> docs = DocumentReader.create().read(file);
    for (SourceDocument d : docs) {
      if (d.error().isPresent()) {
        throw new MojoFailureException(d.error().get().toString());
      }
    }
    if (docs.isEmpty()) {
      return input;
    }
    JsonNode json = docs.get(0).json().orElse(input);
    if (!json.isObject()) {
      throw new MojoFailureException(file + ": expected a mapping of parameter values, found " + json.getNodeType()
          .name().toLowerCase(java.util.Locale.ROOT));
    }
    input.setAll((ObjectNode) json);
    return input;
  }

  private Path resolve(File f) {
    Path p = f.toPath();
    return (p.isAbsolute() ? p : basedir.toPath().resolve(p)).toAbsolutePath().normalize();
  }
}
