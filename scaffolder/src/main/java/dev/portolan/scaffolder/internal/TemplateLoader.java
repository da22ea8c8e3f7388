package dev.portolan.scaffolder.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portolan.catalog.model.DocumentReader;
import dev.portolan.catalog.model.Entity;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.SourceDocument;
import dev.portolan.catalog.model.SourcePosition;
import dev.portolan.scaffolder.ScaffolderException;
import dev.portolan.scaffolder.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a template.yaml into a {@link Template}, resolving {@code $yaml}/{@code $json}/{@code $text}. */
public final class TemplateLoader {

  private static final Logger LOG = LoggerFactory.getLogger(TemplateLoader.class);
  static final String API_VERSION = "scaffolder.backstage.io/v1beta3";

  private final Optional<Path> root;

  /**
   * Creates a loader.
   *
   * @param root directory under which placeholder files may be read; the template's directory when empty
   */
  public TemplateLoader(Optional<Path> root) {
    this.root = root;
  }

  /**
   * Loads the first Template document of a file.
   *
   * @param file the file
   * @return the template
   */
  public Template load(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new ScaffolderException(name, Optional.empty(), "", "", "expected a template file, found nothing at " + file);
    }
    Path base = file.toAbsolutePath().getParent();
    return load(DocumentReader.create().read(file), name, Optional.of(file), Optional.ofNullable(base));
  }

  /**
   * Loads the first Template document of a text.
   *
   * @param text the YAML text
   * @param name the name messages use
   * @param base the directory relative {@code url:} inputs and placeholders resolve against, if any
   * @return the template
   */
  public Template load(String text, String name, Optional<Path> base) {
    return load(DocumentReader.create().read(name, text), name, Optional.empty(),
        base.map(p -> p.toAbsolutePath().normalize()));
  }

  private Template load(List<SourceDocument> docs, String name, Optional<Path> file, Optional<Path> base) {
    SourceDocument chosen = null;
    for (SourceDocument d : docs) {
      if (d.error().isPresent()) {
        var v = d.error().get();
        throw new ScaffolderException(name, v.position(), "", v.path().toString(), v.message());
      }
      JsonNode j = d.json().orElse(null);
      if (j != null && "Template".equals(j.path("kind").asText())) {
        chosen = d;
        break;
      }
    }
    if (chosen == null) {
      throw new ScaffolderException(name, Optional.empty(), "", "kind",
          "expected a document of kind Template, found none");
    }
    SourceDocument doc = chosen;
    ObjectNode json = (ObjectNode) doc.json().orElseThrow();
    JsonNode resolved = substitute(json, base.orElse(null), name, doc, FieldPath.ROOT, 0);
    if (!resolved.isObject()) {
      throw new ScaffolderException(name, Optional.empty(), "", "", "expected a mapping at the document root");
    }
    json = (ObjectNode) resolved;
    String ref = "template:" + json.path("metadata").path("namespace").asText("default") + "/"
        + json.path("metadata").path("name").asText("");
    if (!API_VERSION.equals(json.path("apiVersion").asText())) {
      throw error(name, doc, ref, FieldPath.of("apiVersion"), "expected apiVersion " + API_VERSION + ", found "
          + found(json.path("apiVersion")));
    }
    if (!json.path("metadata").path("name").isTextual()) {
      throw error(name, doc, ref, FieldPath.of("metadata", "name"), "expected a string name, found "
          + found(json.path("metadata").path("name")));
    }
    JsonNode spec = json.path("spec");
    if (!spec.isObject()) {
      throw error(name, doc, ref, FieldPath.of("spec"), "expected an object, found " + found(spec));
    }
    if (!spec.path("type").isTextual() || spec.path("type").asText().isEmpty()) {
      throw error(name, doc, ref, FieldPath.of("spec", "type"), "expected a non-empty string, found " + found(spec.path("type")));
    }
    JsonNode stepsNode = spec.path("steps");
    if (!stepsNode.isArray()) {
      throw error(name, doc, ref, FieldPath.of("spec", "steps"), "expected an array of steps, found " + found(stepsNode));
    }
    List<Template.Step> steps = new ArrayList<>();
    for (int i = 0; i < stepsNode.size(); i++) {
      JsonNode s = stepsNode.get(i);
      FieldPath p = FieldPath.of("spec", "steps").index(i);
      if (!s.isObject()) {
        throw error(name, doc, ref, p, "expected a step object, found " + found(s));
      }
      if (!s.path("action").isTextual()) {
        throw error(name, doc, ref, p.key("action"), "expected an action id, found " + found(s.path("action")));
      }
      if (s.has("input") && !s.get("input").isObject()) {
        throw error(name, doc, ref, p.key("input"), "expected an object, found " + found(s.get("input")));
      }
      if (s.has("id") && !s.get("id").isTextual()) {
        throw error(name, doc, ref, p.key("id"), "expected a string, found " + found(s.get("id")));
      }
      String id = s.path("id").asText("step-" + (i + 1));
      String action = s.get("action").asText();
      JsonNode cond = s.get("if");
      if (cond != null && !cond.isTextual() && !cond.isBoolean()) {
        throw error(name, doc, ref, p.key("if"), "expected a string or boolean, found " + found(cond));
      }
      JsonNode each = s.get("each");
      if (each != null && !each.isTextual() && !each.isArray()) {
        throw error(name, doc, ref, p.key("each"), "expected a string or array, found " + found(each));
      }
      steps.add(new Template.Step(i, id, s.path("name").asText(action), action,
          s.has("input") ? s.get("input") : JsonNodeFactory.instance.objectNode(),
          Optional.ofNullable(cond), Optional.ofNullable(each)));
    }
    List<JsonNode> pages = new ArrayList<>();
    JsonNode params = spec.path("parameters");
    if (params.isArray()) {
      params.forEach(pages::add);
    } else if (params.isObject()) {
      pages.add(params);
    } else if (!params.isMissingNode() && !params.isNull()) {
      throw error(name, doc, ref, FieldPath.of("spec", "parameters"), "expected an object or an array of objects, found "
          + params);
    }
    Map<String, SourcePosition> positions = new HashMap<>();
    collectPositions(doc, json, FieldPath.ROOT, positions, 0);
    JsonNode output = spec.path("output").isObject() ? spec.get("output") : JsonNodeFactory.instance.objectNode();
    LOG.debug("loaded template {} from {}", ref, name);
    return new Template(name, file, base, Entity.of(json), pages, steps, output, positions);
  }

  private static String found(JsonNode n) {
    return n == null || n.isMissingNode() ? "nothing" : n.toString();
  }

  private static ScaffolderException error(String file, SourceDocument doc, String ref, FieldPath path, String msg) {
    return new ScaffolderException(file, doc.position(path), ref, path.toString(), msg);
  }

  private static void collectPositions(SourceDocument doc, JsonNode n, FieldPath path, Map<String, SourcePosition> out,
      int depth) {
    if (depth > 64) {
      return;
    }
    doc.position(path).ifPresent(p -> out.put(path.toString(), p));
    if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        collectPositions(doc, e.getValue(), path.key(e.getKey()), out, depth + 1);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        collectPositions(doc, n.get(i), path.index(i), out, depth + 1);
      }
    }
  }

  private JsonNode substitute(JsonNode n, Path base, String file, SourceDocument doc, FieldPath path, int depth) {
    if (depth > 16) {
      throw error(file, doc, "", path, "placeholders nested deeper than 16 files");
    }
    if (n.isObject()) {
      if (n.size() == 1) {
        String key = n.fieldNames().next();
        if ((key.equals("$yaml") || key.equals("$json") || key.equals("$text")) && n.get(key).isTextual()) {
          return readPlaceholder(key, n.get(key).asText(), base, file, doc, path, depth);
        }
      }
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        o.set(e.getKey(), substitute(e.getValue(), base, file, doc, path.key(e.getKey()), depth));
      }
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < n.size(); i++) {
        a.add(substitute(n.get(i), base, file, doc, path.index(i), depth));
      }
      return a;
    }
    return n;
  }

  private JsonNode readPlaceholder(String kind, String ref, Path base, String file, SourceDocument doc, FieldPath path,
      int depth) {
    if (base == null) {
      throw error(file, doc, "", path, kind + " placeholder " + ref
          + " cannot be resolved: the template was loaded without a base directory");
    }
    Path allowed = root.orElse(base);
    Path target;
    try {
      target = SafePaths.check(allowed, base.resolve(ref));
    } catch (ScaffolderException e) {
      throw error(file, doc, "", path, kind + " placeholder " + ref + " points outside " + allowed);
    }
    String content;
    try {
      content = Files.readString(target, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw error(file, doc, "", path, kind + " placeholder: cannot read " + target + ": " + e.getMessage());
    }
    try {
      return switch (kind) {
        case "$text" -> TextNode.valueOf(content);
        case "$json" -> substitute(new ObjectMapper().readTree(content), target.getParent(), file, doc, path, depth + 1);
        default -> {
          Object yaml;
          try {
            yaml = new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder()
                .setSchema(new org.snakeyaml.engine.v2.schema.CoreSchema()).setAllowDuplicateKeys(false).build())
                .loadFromString(content);
          } catch (RuntimeException e) {
            throw error(file, doc, "", path, "$yaml placeholder " + ref + " is not valid YAML: " + e.getMessage());
          }
          yield substitute(new ObjectMapper().valueToTree(yaml), target.getParent(), file, doc, path, depth + 1);
        }
      };
    } catch (IOException e) {
      throw error(file, doc, "", path, kind + " placeholder " + ref + " is not valid: " + e.getMessage());
    }
  }
}
