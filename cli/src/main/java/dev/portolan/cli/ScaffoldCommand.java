package dev.portolan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.model.DocumentReader;
import dev.portolan.catalog.model.PortolanException;
import dev.portolan.catalog.model.SourceDocument;
import dev.portolan.scaffolder.ScaffoldRequest;
import dev.portolan.scaffolder.ScaffoldResult;
import dev.portolan.scaffolder.Scaffolder;
import dev.portolan.scaffolder.Template;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portolan scaffold}: runs a Backstage template locally. */
@Command(
    name = "scaffold",
    mixinStandardHelpOptions = true,
    description = "Runs a Backstage scaffolder.backstage.io/v1beta3 template locally: into a folder, or as a dry run.")
public final class ScaffoldCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format { text, json }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TEMPLATE.yaml", description = "The template file.")
  Path templateFile;

  @Option(names = "--values", paramLabel = "FILE", description = "YAML or JSON file with the parameter values.")
  Path valuesFile;

  @Option(names = "--out", paramLabel = "DIR", description = "Directory the generated files are written to.")
  Path out;

  @Option(names = "--dry-run", description = "Write nothing; print the files that would be generated.")
  boolean dryRun;

  @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES}.")
  Format format;

  @Option(names = "--secret", paramLabel = "NAME=VALUE", description = "A task secret (repeatable).")
  Map<String, String> secrets = new LinkedHashMap<>();

  @Option(names = "--template-root", paramLabel = "DIR",
      description = "Directory under which relative url: inputs may point with ../ (e.g. the repository root).")
  Path templateRoot;

  @Option(names = "--skip-action", paramLabel = "ID",
      description = "Skip steps using this action, e.g. publish:github (repeatable).")
  List<String> skipActions = new java.util.ArrayList<>();

  @Option(names = "--catalog", paramLabel = "LOCATION",
      description = "A catalog location (file, directory or glob) for catalog:fetch and catalog:register (repeatable).")
  List<String> catalogLocations = new java.util.ArrayList<>();

  @Option(names = "--user-ref", paramLabel = "REF", description = "The entity ref of the user running the template.")
  String userRef;

  @Option(names = "--strict", description = "Fail a step when one of its input values cannot be rendered.")
  boolean strict;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outw = spec.commandLine().getOut();
    PathArguments.requireExisting(spec.commandLine(), templateFile);
    PathArguments.requireExisting(spec.commandLine(), valuesFile);
    PathArguments.requireExisting(spec.commandLine(), templateRoot);
    if (!dryRun && out == null) {
      err.println("portolan scaffold: give --out DIR, or --dry-run");
      return PortolanCommand.EXIT_USAGE;
    }
    JsonNode values = JsonNodeFactory.instance.objectNode();
    if (valuesFile != null) {
      if (!Files.isRegularFile(valuesFile)) {
        err.println("portolan scaffold: " + valuesFile + ": expected a file, found a directory");
        return PortolanCommand.EXIT_USAGE;
      }
      List<SourceDocument> docs = DocumentReader.create().read(valuesFile);
      for (SourceDocument d : docs) {
        if (d.error().isPresent()) {
          err.println(d.error().get());
          return PortolanCommand.EXIT_FINDINGS;
        }
      }
      if (!docs.isEmpty()) {
        values = docs.get(0).json().orElse(values);
      }
      if (!values.isObject()) {
        err.println(valuesFile + ": expected a mapping of parameter values");
        return PortolanCommand.EXIT_FINDINGS;
      }
    }
    Scaffolder.Builder builder = Scaffolder.builder().strictRendering(strict);
    skipActions.forEach(builder::skipAction);
    if (!catalogLocations.isEmpty()) {
      dev.portolan.catalog.core.Catalog.Builder cb = dev.portolan.catalog.core.Catalog.builder();
      catalogLocations.forEach(cb::location);
      builder.catalog(cb.build());
    }
    if (templateRoot != null) {
      builder.templateRoot(templateRoot);
    }
    Scaffolder scaffolder = builder.build();
    ScaffoldResult result;
    try {
      Template template = scaffolder.loadTemplate(templateFile);
      ScaffoldRequest request = dryRun ? ScaffoldRequest.dryRun(template, values)
          : ScaffoldRequest.into(template, values, out);
      request = request.withSecrets(secrets);
      if (userRef != null) {
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        user.put("ref", userRef);
        dev.portolan.catalog.model.EntityRef.parse(userRef);
        request = request.withUser(user);
      }
      result = scaffolder.run(request);
    } catch (PortolanException e) {
      err.println(e.getMessage());
      return PortolanCommand.EXIT_FINDINGS;
    }
    if (format == Format.json) {
      outw.println(toJson(result));
    } else {
      printText(result, outw, err);
    }
    outw.flush();
    return result.succeeded() ? 0 : PortolanCommand.EXIT_FINDINGS;
  }

  private void printText(ScaffoldResult result, PrintWriter outw, PrintWriter err) {
    for (ScaffoldResult.StepResult s : result.steps()) {
      outw.println("step " + s.id() + " (" + s.action() + "): " + s.status());
    }
    java.util.Set<String> errorsPrinted = new java.util.HashSet<>();
    for (ScaffoldResult.LogEntry e : result.log()) {
      if (!e.level().equals("info")) {
        err.println(e.level() + ": " + (e.stepId().isEmpty() ? "" : e.stepId() + ": ") + e.message());
        if (e.level().equals("error")) {
          errorsPrinted.add(e.message());
        }
      }
    }
    outw.println(dryRun ? "files (dry run, nothing written):" : "files written to " + out + ":");
    for (ScaffoldResult.GeneratedFile f : result.files()) {
      outw.println("  " + f.path() + (f.symlink() ? " -> " + f.text() : ""));
    }
    JsonNode output = result.output();
    for (JsonNode link : output.path("links")) {
      outw.println("link: " + link.path("title").asText(link.path("url").asText()) + " " + link.path("url").asText(""));
    }
    for (JsonNode text : output.path("text")) {
      outw.println("text: " + text.path("title").asText() + (text.has("content") ? "\n" + text.path("content").asText() : ""));
    }
    // the run's error is normally one of the logged errors, already printed above
    result.error().filter(e -> !errorsPrinted.contains(e)).ifPresent(e -> err.println("error: " + e));
  }

  private static String toJson(ScaffoldResult result) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("succeeded", result.succeeded());
    result.error().ifPresent(e -> root.put("error", e));
    ArrayNode steps = root.putArray("steps");
    for (ScaffoldResult.StepResult s : result.steps()) {
      steps.addObject().put("id", s.id()).put("name", s.name()).put("action", s.action()).put("status", s.status())
          .set("output", s.output());
    }
    ArrayNode files = root.putArray("files");
    for (ScaffoldResult.GeneratedFile f : result.files()) {
      ObjectNode o = files.addObject().put("path", f.path()).put("executable", f.executable())
          .put("symlink", f.symlink());
      Optional<String> text = utf8(f.content());
      if (text.isPresent()) {
        o.put("content", text.get());
      } else {
        o.put("base64", Base64.getEncoder().encodeToString(f.content()));
      }
    }
    ArrayNode log = root.putArray("log");
    for (ScaffoldResult.LogEntry e : result.log()) {
      log.addObject().put("at", e.at().toString()).put("step", e.stepId()).put("level", e.level()).put("message", e.message());
    }
    root.set("output", result.output());
    try {
      return mapper.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
