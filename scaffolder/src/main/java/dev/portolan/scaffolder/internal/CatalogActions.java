package dev.portolan.scaffolder.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogChange;
import dev.portolan.catalog.core.CatalogEntity;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.PortolanException;
import dev.portolan.scaffolder.ActionContext;
import dev.portolan.scaffolder.ScaffolderAction;
import dev.portolan.scaffolder.ScaffolderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code catalog:fetch} and {@code catalog:register} over a {@link Catalog}. */
public final class CatalogActions {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CatalogActions() {}

  /**
   * Creates the two actions for a catalog.
   *
   * @param catalog the catalog entities are read from and locations registered in
   * @return the actions
   */
  public static List<ScaffolderAction> create(Catalog catalog) {
    return List.of(new Fetch(catalog), new Register(catalog));
  }

  private static JsonNode schema(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ScaffolderException inputError(ActionContext ctx, String msg) {
    return new ScaffolderException("", Optional.empty(), "", "steps." + ctx.stepId() + ".input", msg);
  }

  private static final class Fetch implements ScaffolderAction {
    private final Catalog catalog;

    Fetch(Catalog catalog) {
      this.catalog = catalog;
    }

    @Override
    public String id() {
      return "catalog:fetch";
    }

    @Override
    public JsonNode inputSchema() {
      return schema("{\"type\":\"object\",\"properties\":{\"entityRef\":{\"type\":\"string\"},"
          + "\"entityRefs\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"optional\":{\"type\":\"boolean\"},"
          + "\"defaultKind\":{\"type\":\"string\"},\"defaultNamespace\":{\"type\":\"string\"}}}");
    }

    @Override
    public JsonNode outputSchema() {
      return schema("{\"type\":\"object\",\"properties\":{\"entity\":{\"type\":\"object\"},"
          + "\"entities\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}}}}");
    }

    @Override
    public void handle(ActionContext ctx) {
      JsonNode in = ctx.input();
      boolean optional = in.path("optional").asBoolean(false);
      Optional<String> kind = Optional.ofNullable(in.path("defaultKind").textValue());
      Optional<String> ns = Optional.ofNullable(in.path("defaultNamespace").textValue());
      if (!in.has("entityRef") && !in.has("entityRefs")) {
        throw inputError(ctx, "give entityRef or entityRefs");
      }
      if (in.has("entityRef")) {
        ctx.output("entity", fetch(ctx, in.get("entityRef").asText(), kind, ns, optional));
      }
      if (in.has("entityRefs")) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode r : in.get("entityRefs")) {
          out.add(fetch(ctx, r.asText(), kind, ns, optional));
        }
        ctx.output("entities", out);
      }
    }

    private JsonNode fetch(ActionContext ctx, String ref, Optional<String> kind, Optional<String> ns,
        boolean optional) {
      EntityRef parsed;
      try {
        parsed = EntityRef.parse(ref, kind, ns);
      } catch (PortolanException e) {
        throw inputError(ctx, e.getMessage());
      }
      Optional<CatalogEntity> e = catalog.snapshot().entity(parsed);
      if (e.isEmpty()) {
        if (optional) {
          return JsonNodeFactory.instance.nullNode();
        }
        throw inputError(ctx, "entity " + parsed + " not found");
      }
      return e.get().toJson();
    }
  }

  private static final class Register implements ScaffolderAction {
    private final Catalog catalog;

    Register(Catalog catalog) {
      this.catalog = catalog;
    }

    @Override
    public String id() {
      return "catalog:register";
    }

    @Override
    public JsonNode inputSchema() {
      return schema("{\"type\":\"object\",\"oneOf\":[{\"required\":[\"catalogInfoUrl\"]},"
          + "{\"required\":[\"repoContentsUrl\"]}],\"properties\":{\"catalogInfoUrl\":{\"type\":\"string\"},"
          + "\"repoContentsUrl\":{\"type\":\"string\"},\"catalogInfoPath\":{\"type\":\"string\"},"
          + "\"optional\":{\"type\":\"boolean\"}}}");
    }

    @Override
    public JsonNode outputSchema() {
      return schema("{\"type\":\"object\",\"properties\":{\"entityRef\":{\"type\":\"string\"},"
          + "\"catalogInfoUrl\":{\"type\":\"string\"}}}");
    }

    @Override
    public boolean supportsDryRun() {
      return false;
    }

    @Override
    public void handle(ActionContext ctx) {
      JsonNode in = ctx.input();
      boolean optional = in.path("optional").asBoolean(false);
      String url;
      if (in.has("catalogInfoUrl")) {
        url = in.get("catalogInfoUrl").asText();
      } else {
        String base = in.get("repoContentsUrl").asText();
        String path = in.path("catalogInfoPath").asText("/catalog-info.yaml");
        url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + (path.startsWith("/") ? path
            : "/" + path);
      }
      Path file;
      try {
        file = url.startsWith("file:") ? Path.of(URI.create(url)) : Path.of(url);
      } catch (RuntimeException e) {
        file = null;
      }
      if (file != null && !file.isAbsolute() && !url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
        registerGenerated(ctx, url, optional);
        return;
      }
      if (file == null || !file.isAbsolute()) {
        fail(ctx, optional, "cannot register " + url + ": only local files (a path or a file: URL) can be"
            + " registered");
        return;
      }
      if (!Files.isRegularFile(file)) {
        fail(ctx, optional, "cannot register " + url + ": no such file");
        return;
      }
      CatalogChange change = catalog.addLocation(file);
      String key = file.toString();
      List<CatalogEntity> fromFile = change.current().entities().stream().filter(e -> e.file().equals(key)).toList();
      Optional<CatalogEntity> chosen = fromFile.stream().filter(e -> !e.kind().equalsIgnoreCase("Location"))
          .findFirst().or(() -> fromFile.stream().findFirst());
      if (chosen.isEmpty()) {
        fail(ctx, optional, "registered " + url + " but no valid entity was read from it");
        return;
      }
      ctx.output("entityRef", TextNode.valueOf(chosen.get().ref().toString()));
      ctx.output("catalogInfoUrl", TextNode.valueOf(url));
      ctx.log("registered " + url + " as " + chosen.get().ref());
    }

    /** A file generated by this run: registered from the output directory once the run has written it. */
    private void registerGenerated(ActionContext ctx, String rel, boolean optional) {
      Path inWorkspace = ctx.resolveInWorkspace(rel);
      if (!Files.isRegularFile(inWorkspace)) {
        fail(ctx, optional, "cannot register " + rel + ": the workspace has no such file");
        return;
      }
      Optional<String> ref = dev.portolan.catalog.model.DocumentReader.create().read(inWorkspace).stream()
          .flatMap(d -> d.json().stream())
          .filter(j -> j.path("kind").isTextual() && !j.path("kind").asText().equalsIgnoreCase("Location"))
          .findFirst()
          .map(j -> j.path("kind").asText().toLowerCase(java.util.Locale.ROOT) + ":"
              + j.path("metadata").path("namespace").asText("default") + "/" + j.path("metadata").path("name").asText());
      if (ref.isEmpty()) {
        fail(ctx, optional, "cannot register " + rel + ": it holds no entity");
        return;
      }
      if (!(ctx instanceof Runner.AfterRun after) || after.outputDirectory().isEmpty()) {
        fail(ctx, optional, "cannot register " + rel + ": this run writes no output directory");
        return;
      }
      Path target = after.outputDirectory().get().toAbsolutePath().resolve(ctx.workspace().relativize(inWorkspace));
      after.afterRun(() -> catalog.addLocation(target));
      ctx.output("entityRef", TextNode.valueOf(ref.get()));
      ctx.output("catalogInfoUrl", TextNode.valueOf(target.toUri().toString()));
      ctx.log("will register " + target + " once the files are written");
    }

    private static void fail(ActionContext ctx, boolean optional, String msg) {
      if (optional) {
        ctx.log(msg + " (optional, continuing)");
        return;
      }
      throw inputError(ctx, msg);
    }
  }
}
