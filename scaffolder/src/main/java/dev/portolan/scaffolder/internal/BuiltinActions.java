package dev.portolan.scaffolder.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.scaffolder.ActionContext;
import dev.portolan.scaffolder.ScaffolderAction;
import dev.portolan.scaffolder.ScaffolderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The built-in actions: fetch, filesystem, debug and catalog:write. */
public final class BuiltinActions {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BuiltinActions() {}

  /**
   * Returns every built-in action.
   *
   * @return the actions
   */
  public static List<ScaffolderAction> all() {
    return List.of(
        action("fetch:plain", "{\"type\":\"object\",\"required\":[\"url\"],\"properties\":{\"url\":{\"type\":\"string\"},"
            + "\"targetPath\":{\"type\":\"string\"},\"token\":{\"type\":\"string\"}}}", BuiltinActions::fetchPlain),
        action("fetch:plain:file", "{\"type\":\"object\",\"required\":[\"url\",\"targetPath\"],\"properties\":"
            + "{\"url\":{\"type\":\"string\"},\"targetPath\":{\"type\":\"string\"},\"token\":{\"type\":\"string\"}}}",
            BuiltinActions::fetchPlainFile),
        action("fetch:template", "{\"type\":\"object\",\"required\":[\"url\"],\"properties\":{\"url\":{\"type\":\"string\"},"
            + "\"targetPath\":{\"type\":\"string\"},\"values\":{\"type\":\"object\"},"
            + "\"copyWithoutRender\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
            + "\"copyWithoutTemplating\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
            + "\"cookiecutterCompat\":{\"type\":\"boolean\"},\"templateFileExtension\":{\"type\":[\"string\",\"boolean\"]},"
            + "\"replace\":{\"type\":\"boolean\"},\"trimBlocks\":{\"type\":\"boolean\"},\"lstripBlocks\":{\"type\":\"boolean\"},"
            + "\"token\":{\"type\":\"string\"}}}", BuiltinActions::fetchTemplate),
        action("fetch:template:file", "{\"type\":\"object\",\"required\":[\"url\",\"targetPath\"],\"properties\":"
            + "{\"url\":{\"type\":\"string\"},\"targetPath\":{\"type\":\"string\"},\"values\":{\"type\":\"object\"},"
            + "\"cookiecutterCompat\":{\"type\":\"boolean\"},\"replace\":{\"type\":\"boolean\"},"
            + "\"trimBlocks\":{\"type\":\"boolean\"},\"lstripBlocks\":{\"type\":\"boolean\"},\"token\":{\"type\":\"string\"}}}",
            BuiltinActions::fetchTemplateFile),
        action("workspace:template", "{\"type\":\"object\",\"required\":[\"sourcePath\",\"targetPath\"],"
            + "\"properties\":{\"sourcePath\":{\"type\":\"string\"},\"targetPath\":{\"type\":\"string\"},"
            + "\"values\":{\"type\":\"object\"},\"copyWithoutRender\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
            + "\"copyWithoutTemplating\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
            + "\"cookiecutterCompat\":{\"type\":\"boolean\"},\"templateFileExtension\":{\"type\":[\"string\",\"boolean\"]},"
            + "\"replace\":{\"type\":\"boolean\"},\"trimBlocks\":{\"type\":\"boolean\"},\"lstripBlocks\":{\"type\":\"boolean\"}}}",
            BuiltinActions::workspaceTemplate),
        action("workspace:template:file", "{\"type\":\"object\",\"required\":[\"sourcePath\",\"targetPath\"],"
            + "\"properties\":{\"sourcePath\":{\"type\":\"string\"},\"targetPath\":{\"type\":\"string\"},"
            + "\"values\":{\"type\":\"object\"},\"cookiecutterCompat\":{\"type\":\"boolean\"},"
            + "\"replace\":{\"type\":\"boolean\"},\"trimBlocks\":{\"type\":\"boolean\"},\"lstripBlocks\":{\"type\":\"boolean\"}}}",
            BuiltinActions::workspaceTemplateFile),
        action("fs:delete", "{\"type\":\"object\",\"required\":[\"files\"],\"properties\":{\"files\":{\"type\":\"array\","
            + "\"items\":{\"type\":\"string\"}}}}", BuiltinActions::fsDelete),
        action("fs:rename", "{\"type\":\"object\",\"required\":[\"files\"],\"properties\":{\"files\":{\"type\":\"array\","
            + "\"items\":{\"type\":\"object\",\"required\":[\"from\",\"to\"],\"properties\":{\"from\":{\"type\":\"string\"},"
            + "\"to\":{\"type\":\"string\"},\"overwrite\":{\"type\":\"boolean\"}}}}}}", BuiltinActions::fsRename),
        action("fs:readdir", "{\"type\":\"object\",\"required\":[\"paths\"],\"properties\":{\"paths\":{\"type\":\"array\","
            + "\"minItems\":1,\"items\":{\"type\":\"string\"}},\"recursive\":{\"type\":\"boolean\"}}}",
            BuiltinActions::fsReaddir),
        action("debug:log", "{\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"},"
            + "\"listWorkspace\":{\"enum\":[true,false,\"with-filenames\",\"with-contents\"]}}}", BuiltinActions::debugLog),
        action("debug:wait", "{\"type\":\"object\",\"properties\":{\"minutes\":{\"type\":\"number\"},"
            + "\"seconds\":{\"type\":\"number\"},\"milliseconds\":{\"type\":\"number\"}}}", BuiltinActions::debugWait),
        action("catalog:write", "{\"type\":\"object\",\"required\":[\"entity\"],\"properties\":{\"entity\":"
            + "{\"type\":\"object\"},\"filePath\":{\"type\":\"string\"}}}", BuiltinActions::catalogWrite));
  }

  @FunctionalInterface
  interface Handler {
    void handle(ActionContext ctx) throws IOException, InterruptedException;
  }

  private static ScaffolderAction action(String id, String schema, Handler handler) {
    JsonNode inputSchema;
    try {
      inputSchema = MAPPER.readTree(schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ScaffolderAction() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public JsonNode inputSchema() {
        return inputSchema.deepCopy();
      }

      @Override
      public void handle(ActionContext context) throws IOException {
        try {
          handler.handle(context);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }

      @Override
      public String toString() {
        return id;
      }
    };
  }

  private static ScaffolderException inputError(ActionContext ctx, String msg) {
    return new ScaffolderException("", Optional.empty(), "", "steps." + ctx.stepId() + ".input", msg);
  }

  // ---------------------------------------------------------------- fetch

  private static void fetchPlain(ActionContext ctx) throws IOException {
    JsonNode in = ctx.input();
    Path src = ctx.resolveUrl(in.get("url").asText());
    Path out = ctx.resolveInWorkspace(in.path("targetPath").asText("./"));
    if (!Files.isDirectory(src)) {
      throw inputError(ctx, "url '" + in.get("url").asText() + "' is not a directory");
    }
    for (Path p : entries(src)) {
      String rel = src.relativize(p).toString().replace('\\', '/');
      Path target = SafePaths.check(ctx.workspace(), out.resolve(rel));
      copyEntry(p, target, true);
    }
    ctx.log("fetched " + in.get("url").asText() + " into " + in.path("targetPath").asText("./"));
  }

  private static void fetchPlainFile(ActionContext ctx) throws IOException {
    JsonNode in = ctx.input();
    Path src = ctx.resolveUrl(in.get("url").asText());
    Path out = ctx.resolveInWorkspace(in.get("targetPath").asText());
    if (!Files.isRegularFile(src, LinkOption.NOFOLLOW_LINKS)) {
      throw inputError(ctx, "url '" + in.get("url").asText() + "' is not a file");
    }
    copyEntry(src, out, true);
  }

  private static List<Path> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.equals(dir)).sorted().toList();
    }
  }

  private static void copyEntry(Path src, Path target, boolean replace) throws IOException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !replace) {
      return;
    }
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    if (Files.isSymbolicLink(src)) {
      Files.deleteIfExists(target);
      Files.createSymbolicLink(target, Files.readSymbolicLink(src));
    } else if (Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(target);
    } else {
      if (Files.isSymbolicLink(target)) {
        Files.delete(target);
      }
      Files.copy(src, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
    }
  }

  private static Optional<List<String>> stringList(ActionContext ctx, JsonNode in, String key) {
    if (!in.has(key)) {
      return Optional.empty();
    }
    if (!in.get(key).isArray()) {
      throw inputError(ctx, key + " must be an array of glob patterns");
    }
    List<String> out = new ArrayList<>();
    in.get(key).forEach(n -> out.add(n.asText()));
    return Optional.of(out);
  }

  private static void fetchTemplate(ActionContext ctx) throws IOException {
    templateDirectory(ctx, false);
  }

  private static void workspaceTemplate(ActionContext ctx) throws IOException {
    templateDirectory(ctx, true);
  }

  /** fetch:template and workspace:template: the source is a url, or a directory of the workspace. */
  private static void templateDirectory(ActionContext ctx, boolean fromWorkspace) throws IOException {
    JsonNode in = ctx.input();
    Optional<List<String>> withoutRender = stringList(ctx, in, "copyWithoutRender");
    Optional<List<String>> withoutTemplating = stringList(ctx, in, "copyWithoutTemplating");
    if (withoutRender.isPresent() && withoutTemplating.isPresent()) {
      throw inputError(ctx, "copyWithoutRender and copyWithoutTemplating cannot be used at the same time");
    }
    boolean cookiecutter = in.path("cookiecutterCompat").asBoolean(false);
    String ext = null;
    JsonNode extNode = in.get("templateFileExtension");
    if (extNode != null && !(extNode.isBoolean() && !extNode.asBoolean())) {
      if (withoutRender.isPresent() || withoutTemplating.isPresent()) {
        throw inputError(ctx, "templateFileExtension cannot be used with copyWithoutRender or copyWithoutTemplating");
      }
      if (cookiecutter) {
        throw inputError(ctx, "templateFileExtension cannot be used with cookiecutterCompat");
      }
      ext = extNode.isBoolean() ? ".njk" : extNode.asText();
      if (!ext.startsWith(".")) {
        ext = "." + ext;
      }
    }
    String url = fromWorkspace ? in.get("sourcePath").asText() : in.get("url").asText();
    Path src = fromWorkspace ? ctx.resolveInWorkspace(url) : ctx.resolveUrl(url);
    if (!Files.isDirectory(src)) {
      throw inputError(ctx, (fromWorkspace ? "sourcePath '" : "url '") + url + "' is not a directory");
    }
    Path outDir = ctx.resolveInWorkspace(in.path("targetPath").asText("./"));
    if (fromWorkspace && (outDir.startsWith(src.toAbsolutePath().normalize())
        || outDir.equals(src.toAbsolutePath().normalize()))) {
      throw inputError(ctx, "targetPath must not be inside the template directory " + url);
    }
    boolean replace = in.path("replace").asBoolean(false);
    ActionContext.RenderOptions opts = new ActionContext.RenderOptions(cookiecutter,
        in.path("trimBlocks").asBoolean(false), in.path("lstripBlocks").asBoolean(false));
    ObjectNode context = JsonNodeFactory.instance.objectNode();
    context.set(cookiecutter ? "cookiecutter" : "values", in.path("values").isObject() ? in.get("values")
        : JsonNodeFactory.instance.objectNode());

    List<Path> all = entries(src);
    List<String> locations = new ArrayList<>();
    for (Path p : all) {
      String rel = src.relativize(p).toString().replace('\\', '/');
      locations.add(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? rel + "/" : rel);
    }
    Set<String> copyOnly = expandGlobs(withoutRender.or(() -> withoutTemplating).orElse(List.of()), locations);
    int written = 0;
    for (int i = 0; i < all.size(); i++) {
      Path p = all.get(i);
      String location = locations.get(i);
      boolean isDir = location.endsWith("/");
      boolean renderContents;
      if (ext != null) {
        renderContents = !isDir && location.endsWith(ext);
      } else {
        renderContents = !copyOnly.contains(location);
      }
      boolean renderPath = !(withoutRender.isPresent() && copyOnly.contains(location));
      String local = renderPath ? ctx.render(location, src.getFileName() + "/" + location + " (path)", context, opts)
          : location;
      if (ext != null && renderContents && local.endsWith(ext)) {
        local = local.substring(0, local.length() - ext.length());
      }
      if (local.isEmpty() || local.startsWith("/") || local.contains("//")) {
        continue;
      }
      Path target;
      try {
        target = SafePaths.check(ctx.workspace(), outDir.resolve(local));
      } catch (ScaffolderException e) {
        throw inputError(ctx, "the path of skeleton entry " + location + " renders to " + local
            + ", which leads outside the workspace");
      }
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !replace) {
        continue;
      }
      if (isDir) {
        Files.createDirectories(target);
        continue;
      }
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      if (Files.isSymbolicLink(p)) {
        Files.deleteIfExists(target);
        Files.createSymbolicLink(target, Files.readSymbolicLink(p));
        continue;
      }
      byte[] bytes = Files.readAllBytes(p);
      if (!renderContents || isBinary(bytes)) {
        if (Files.isSymbolicLink(target)) {
          Files.delete(target);
        }
        Files.write(target, bytes);
      } else {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String rendered = ctx.render(text, src.getFileName() + "/" + location, context, opts);
        if (Files.isSymbolicLink(target)) {
          Files.delete(target);
        }
        Files.writeString(target, rendered, StandardCharsets.UTF_8);
      }
      copyMode(p, target);
      written++;
    }
    ctx.log((fromWorkspace ? "workspace:template" : "fetch:template") + " wrote " + written + " files from " + url);
  }

  private static void copyMode(Path from, Path to) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS);
      Files.setPosixFilePermissions(to, perms);
    } catch (UnsupportedOperationException | IOException e) {
      to.toFile().setExecutable(from.toFile().canExecute());
    }
  }

  /** The isbinaryfile heuristic: NUL bytes or many control bytes in the first 512 bytes. */
  static boolean isBinary(byte[] b) {
    int n = Math.min(b.length, 512);
    if (n == 0) {
      return false;
    }
    int suspicious = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c == 0) {
        return true;
      }
      if ((c < 7 || (c > 13 && c < 32)) && c != 27) {
        suspicious++;
      }
    }
    return suspicious * 10 > n;
  }

  /**
   * globby semantics: a pattern that names an existing directory covers everything below it (globby's
   * {@code expandDirectories}); a glob matches entries by their whole relative path (a directory it matches
   * does not bring its contents); a trailing {@code /} matches directories only.
   */
  static Set<String> expandGlobs(List<String> patterns, List<String> locations) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : patterns) {
      String pat = raw.startsWith("./") ? raw.substring(2) : raw;
      boolean dirsOnly = pat.endsWith("/");
      String bare = dirsOnly ? pat.substring(0, pat.length() - 1) : pat;
      if (!Globs.isGlob(bare)) {
        if (locations.contains(bare + "/")) {
          for (String other : locations) {
            if (other.startsWith(bare + "/") && !other.equals(bare + "/")) {
              out.add(other);
            }
          }
        } else if (!dirsOnly && locations.contains(bare)) {
          out.add(bare);
        }
        continue;
      }
      java.util.regex.Pattern m = Globs.compile(bare);
      for (String loc : locations) {
        if (dirsOnly && !loc.endsWith("/")) {
          continue;
        }
        String l = loc.endsWith("/") ? loc.substring(0, loc.length() - 1) : loc;
        if (m.matcher(l).matches()) {
          out.add(loc);
        }
      }
    }
    return out;
  }

  private static boolean matches(PathMatcher m, String rel) {
    try {
      return m.matches(Path.of(rel));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void fetchTemplateFile(ActionContext ctx) throws IOException {
    templateFile(ctx, false);
  }

  private static void workspaceTemplateFile(ActionContext ctx) throws IOException {
    templateFile(ctx, true);
  }

  private static void templateFile(ActionContext ctx, boolean fromWorkspace) throws IOException {
    JsonNode in = ctx.input();
    String url = fromWorkspace ? in.get("sourcePath").asText() : in.get("url").asText();
    Path src = fromWorkspace ? ctx.resolveInWorkspace(url) : ctx.resolveUrl(url);
    if (!Files.isRegularFile(src, LinkOption.NOFOLLOW_LINKS)) {
      throw inputError(ctx, "url '" + url + "' is not a file");
    }
    Path target = ctx.resolveInWorkspace(in.get("targetPath").asText());
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !in.path("replace").asBoolean(false)) {
      ctx.log("skipping " + in.get("targetPath").asText() + ": it exists and replace is not set");
      return;
    }
    boolean cookiecutter = in.path("cookiecutterCompat").asBoolean(false);
    ObjectNode context = JsonNodeFactory.instance.objectNode();
    context.set(cookiecutter ? "cookiecutter" : "values", in.path("values").isObject() ? in.get("values")
        : JsonNodeFactory.instance.objectNode());
    String rendered = ctx.render(Files.readString(src, StandardCharsets.UTF_8), src.getFileName().toString(),
        context, new ActionContext.RenderOptions(cookiecutter, in.path("trimBlocks").asBoolean(false),
            in.path("lstripBlocks").asBoolean(false)));
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    if (Files.isSymbolicLink(target)) {
      Files.delete(target);
    }
    Files.writeString(target, rendered, StandardCharsets.UTF_8);
    copyMode(src, target);
  }

  // ---------------------------------------------------------------- filesystem

  private static boolean isGlob(String s) {
    return s.contains("*") || s.contains("?") || s.contains("[") || s.contains("{");
  }

  private static void fsDelete(ActionContext ctx) throws IOException {
    for (JsonNode f : ctx.input().get("files")) {
      String file = f.asText();
      List<Path> targets = new ArrayList<>();
      if (isGlob(file)) {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + (file.startsWith("./") ? file.substring(2) : file));
        for (Path p : entries(ctx.workspace())) {
          if (m.matches(ctx.workspace().relativize(p))) {
            targets.add(p);
          }
        }
      } else {
        try {
          targets.add(SafePaths.resolveNoFollow(ctx.workspace(), file));
        } catch (ScaffolderException e) {
          throw inputError(ctx, e.detail());
        }
      }
      for (Path t : targets) {
        SafePaths.check(ctx.workspace(), t.getParent() == null ? t : t.getParent());
        deleteNoFollow(t);
        ctx.log("deleted " + ctx.workspace().relativize(t));
      }
    }
  }

  private static void deleteNoFollow(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> s = Files.list(p)) {
        for (Path c : s.toList()) {
          deleteNoFollow(c);
        }
      }
    }
    Files.delete(p);
  }

  private static void fsRename(ActionContext ctx) throws IOException {
    for (JsonNode f : ctx.input().get("files")) {
      Path from = ctx.resolveInWorkspace(f.get("from").asText());
      Path to = ctx.resolveInWorkspace(f.get("to").asText());
      if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
        throw inputError(ctx, "cannot rename " + f.get("from").asText() + ": it does not exist");
      }
      boolean overwrite = f.path("overwrite").asBoolean(false);
      if (Files.exists(to, LinkOption.NOFOLLOW_LINKS) && !overwrite) {
        throw inputError(ctx, "cannot rename " + f.get("from").asText() + " to " + f.get("to").asText()
            + ": the destination exists and overwrite is not set");
      }
      if (to.getParent() != null) {
        Files.createDirectories(to.getParent());
      }
      if (overwrite) {
        deleteNoFollow(to);
      }
      Files.move(from, to);
      ctx.log("renamed " + f.get("from").asText() + " to " + f.get("to").asText());
    }
  }

  private static void fsReaddir(ActionContext ctx) throws IOException {
    JsonNode in = ctx.input();
    boolean recursive = in.path("recursive").asBoolean(false);
    ArrayNode files = JsonNodeFactory.instance.arrayNode();
    ArrayNode folders = JsonNodeFactory.instance.arrayNode();
    for (JsonNode pn : in.get("paths")) {
      Path dir = ctx.resolveInWorkspace(pn.asText());
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw inputError(ctx, pn.asText() + " is not a directory");
      }
      List<Path> list;
      try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
        list = s.filter(p -> !p.equals(dir)).sorted(Comparator.naturalOrder()).toList();
      }
      for (Path p : list) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("name", p.getFileName().toString());
        e.put("path", ctx.workspace().relativize(p).toString().replace('\\', '/'));
        e.put("fullPath", p.toString());
        (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? folders : files).add(e);
      }
    }
    ctx.output("files", files);
    ctx.output("folders", folders);
  }

  // ---------------------------------------------------------------- debug

  private static void debugLog(ActionContext ctx) throws IOException {
    JsonNode in = ctx.input();
    ctx.log(in.toString());
    if (in.has("message")) {
      ctx.log(in.get("message").asText());
    }
    JsonNode list = in.get("listWorkspace");
    if (list == null || (list.isBoolean() && !list.asBoolean())) {
      return;
    }
    boolean contents = "with-contents".equals(list.asText());
    StringBuilder sb = new StringBuilder("Workspace:");
    for (Path p : entries(ctx.workspace())) {
      String rel = ctx.workspace().relativize(p).toString().replace('\\', '/');
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      sb.append("\n - ").append(rel);
      if (Files.isSymbolicLink(p)) {
        sb.append(" (symbolic link, not followed)");
      } else if (contents) {
        sb.append(":\n").append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
    }
    ctx.log(sb.toString());
  }

  private static void debugWait(ActionContext ctx) throws IOException, InterruptedException {
    JsonNode in = ctx.input();
    double ms = in.path("minutes").asDouble(0) * 60_000 + in.path("seconds").asDouble(0) * 1000
        + in.path("milliseconds").asDouble(0);
    if (ms < 0 || Double.isNaN(ms)) {
      throw inputError(ctx, "the wait must not be negative");
    }
    ctx.sleep((long) Math.min(ms, Long.MAX_VALUE));
  }

  // ---------------------------------------------------------------- catalog

  private static void catalogWrite(ActionContext ctx) throws IOException {
    JsonNode in = ctx.input();
    Path target = ctx.resolveInWorkspace(in.path("filePath").asText("catalog-info.yaml"));
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    if (Files.isSymbolicLink(target)) {
      Files.delete(target);
    }
    // the text Backstage writes: the yaml package's stringify
    Files.writeString(target, YamlWriter.write(in.get("entity")), StandardCharsets.UTF_8);
    ctx.log("wrote " + in.path("filePath").asText("catalog-info.yaml"));
  }

  /**
   * An action whose steps are skipped on request.
   *
   * @param id the action id
   * @return the action
   */
  public static ScaffolderAction skipped(String id) {
    return new SkippedAction(id);
  }

  /** Marks actions the caller asked not to run. */
  public static final class SkippedAction implements ScaffolderAction {
    private final String id;

    SkippedAction(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public void handle(ActionContext context) {
      context.log("action " + id + " is skipped by configuration");
    }
  }
}
