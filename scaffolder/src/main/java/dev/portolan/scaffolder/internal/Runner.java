package dev.portolan.scaffolder.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.SourcePosition;
import dev.portolan.catalog.model.JsonValues;
import dev.portolan.catalog.model.PortolanException;
import dev.portolan.scaffolder.ActionContext;
import dev.portolan.scaffolder.ScaffoldRequest;
import dev.portolan.scaffolder.ScaffoldResult;
import dev.portolan.scaffolder.ScaffolderAction;
import dev.portolan.scaffolder.ParameterValidationException;
import dev.portolan.scaffolder.ScaffolderException;
import dev.portolan.scaffolder.Template;
import dev.portolan.scaffolder.TemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the steps of one template request in a temporary workspace. Single-use. */
public final class Runner {

  private static final Logger LOG = LoggerFactory.getLogger(Runner.class);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Engine engine;
  private final Map<String, ScaffolderAction> actions;
  private final Clock clock;
  private final boolean strict;
  private final Optional<Path> templateRoot;
  private final Duration maxWait;
  private final Schemas.Cache schemas;
  private final JsonNode envParameters;
  private final Map<String, String> envSecrets;

  private final List<ScaffoldResult.LogEntry> log = new ArrayList<>();
  private final Set<String> redactions = new LinkedHashSet<>();
  private Template template;
  private String file;

  /**
   * Creates a runner.
   *
   * @param engine the template engine
   * @param actions actions by id
   * @param clock the clock
   * @param strict fail steps on value rendering errors
   * @param templateRoot root for relative urls
   * @param maxWait longest debug:wait
   * @param schemas compiled JSON Schemas
   * @param envParameters {@code environment.parameters}
   * @param envSecrets {@code environment.secrets}, visible like task secrets
   */
  public Runner(Engine engine, Map<String, ScaffolderAction> actions, Clock clock, boolean strict,
      Optional<Path> templateRoot, Duration maxWait, Schemas.Cache schemas, JsonNode envParameters,
      Map<String, String> envSecrets) {
    this.schemas = schemas;
    this.envParameters = envParameters;
    this.envSecrets = envSecrets;
    this.engine = engine;
    this.actions = actions;
    this.clock = clock;
    this.strict = strict;
    this.templateRoot = templateRoot;
    this.maxWait = maxWait;
  }

  /** Where a parameter is declared: its property schema on the page, else the page, else spec.parameters. */
  private Optional<SourcePosition> declaration(int page, List<Object> path) {
    List<FieldPath> pages = template.parameterPages().size() == 1
        ? List.of(FieldPath.of("spec", "parameters").index(page), FieldPath.of("spec", "parameters"))
        : List.of(FieldPath.of("spec", "parameters").index(page));
    for (FieldPath base : pages) {
      FieldPath best = base;
      FieldPath p = base;
      for (Object e : path) {
        p = e instanceof Integer ? p.key("items") : p.key("properties").key(String.valueOf(e));
        if (template.position(p).isPresent()) {
          best = p;
        } else {
          break;
        }
      }
      Optional<SourcePosition> pos = template.position(best);
      if (pos.isPresent()) {
        return pos;
      }
    }
    return template.position(FieldPath.of("spec", "parameters"));
  }

  private ScaffolderException fail(FieldPath path, String msg) {
    return new ScaffolderException(file, template.position(path), template.ref(), path.toString(), msg);
  }

  /**
   * Runs the request.
   *
   * @param request the request
   * @return the result
   */
  public ScaffoldResult run(ScaffoldRequest request) {
    this.template = request.template();
    this.file = template.source();
    for (Template.Step step : template.steps()) {
      if (!actions.containsKey(step.action())) {
        throw fail(step.path().key("action"), "unknown action '" + step.action() + "'; known actions: "
            + String.join(", ", actions.keySet().stream().sorted().toList()));
      }
    }
    ObjectNode values = request.values().isObject() ? (ObjectNode) request.values().deepCopy() : F.objectNode();
    for (int i = 0; i < template.parameterPages().size(); i++) {
      Schemas.applyDefaults(template.parameterPages().get(i), values, 0);
    }
    List<ScaffolderException> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < template.parameterPages().size(); i++) {
      JsonNode page = template.parameterPages().get(i);
      for (Schemas.Violation v : schemas.violations(page, values)) {
        FieldPath at = FieldPath.of("parameters");
        for (Object e : v.path()) {
          at = e instanceof Integer n ? at.index(n) : at.key(String.valueOf(e));
        }
        if (seen.add(at + ": " + v.detail())) {
          problems.add(new ScaffolderException(file, declaration(i, v.path()), template.ref(), at.toString(),
              v.detail()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ParameterValidationException(problems);
    }
    JsonNode secretsSchema = template.entity().spec().path("secrets").path("schema");
    if (secretsSchema.isObject()) {
      ObjectNode given = F.objectNode();
      request.secrets().forEach(given::put);
      List<String> bad = schemas.validate(secretsSchema, given);
      if (!bad.isEmpty()) {
        // messages name the secret, never its value
        throw fail(FieldPath.of("spec", "secrets", "schema"), "the secrets do not match the schema: "
            + redactSecrets(String.join("; ", bad), request.secrets()));
      }
    }
    request.secrets().values().stream().filter(s -> !s.isEmpty()).forEach(redactions::add);
    envSecrets.values().stream().filter(s -> !s.isEmpty()).forEach(redactions::add);

    Path workspace;
    try {
      workspace = Files.createTempDirectory("portolan-scaffold-").toRealPath();
    } catch (IOException e) {
      throw new ScaffolderException(file, Optional.empty(), template.ref(), "", "cannot create a workspace: "
          + e.getMessage(), e);
    }
    try {
      return execute(request, values, workspace);
    } finally {
      deleteTree(workspace);
    }
  }

  private ScaffoldResult execute(ScaffoldRequest request, ObjectNode values, Path workspace) {
    ObjectNode ctx = F.objectNode();
    ctx.set("parameters", values);
    ObjectNode steps = F.objectNode();
    ctx.set("steps", steps);
    ctx.set("user", request.user());
    ObjectNode task = F.objectNode();
    task.put("id", request.taskId());
    ctx.set("context", F.objectNode().set("task", task));
    ctx.set("environment", F.objectNode().set("parameters", envParameters.deepCopy()));
    ObjectNode secrets = F.objectNode();
    request.secrets().forEach(secrets::put);
    ObjectNode blankSecrets = F.objectNode();
    request.secrets().keySet().forEach(k -> blankSecrets.put(k, ""));

    List<ScaffoldResult.StepResult> results = new ArrayList<>();
    Optional<String> firstError = Optional.empty();
    for (Template.Step step : template.steps()) {
      boolean failed = firstError.isPresent();
      if (failed && !callsStatusFunction(step)) {
        results.add(new ScaffoldResult.StepResult(step.id(), step.name(), step.action(), "skipped", F.objectNode()));
        continue;
      }
      try {
        if (step.each().isEmpty() && step.condition().isPresent()) {
          JsonNode cond = renderTree(step.condition().get(), ctx, step.path().key("if"), failed);
          if (!stepTruthy(cond)) {
            info(step.id(), "skipping step " + step.id() + ": its condition is false");
            results.add(new ScaffoldResult.StepResult(step.id(), step.name(), step.action(), "skipped",
                F.objectNode()));
            continue;
          }
        }
        ScaffolderAction action = actions.get(step.action());
        ObjectNode output = F.objectNode();
        if (action instanceof BuiltinActions.SkippedAction) {
          info(step.id(), "skipping step " + step.id() + ": action " + step.action() + " is skipped by configuration");
          results.add(new ScaffoldResult.StepResult(step.id(), step.name(), step.action(), "skipped",
              F.objectNode()));
          continue;
        }
        if (request.dryRun() && !action.supportsDryRun()) {
          JsonNode example = Schemas.example(action.outputSchema(), 0);
          if (example.isObject()) {
            output.setAll((ObjectNode) example);
          }
          info(step.id(), "skipping action " + step.action() + " in dry-run mode: it does not support dry runs");
          steps.set(step.id(), F.objectNode().set("output", output));
          results.add(new ScaffoldResult.StepResult(step.id(), step.name(), step.action(), "dry-run-skipped",
              redact(output)));
          continue;
        }
        List<JsonNode[]> iterations = new ArrayList<>();
        if (step.each().isPresent()) {
          ObjectNode withSecrets = ctx.deepCopy();
          addSecrets(withSecrets, secrets, false);
          JsonNode each = renderTree(step.each().get(), withSecrets, step.path().key("each"), failed);
          if (each.isMissingNode()) {
            throw fail(step.path().key("each"), "each cannot be resolved to a value");
          }
          if (each.isArray()) {
            for (int i = 0; i < each.size(); i++) {
              iterations.add(new JsonNode[] {TextNode.valueOf(Integer.toString(i)), each.get(i)});
            }
          } else if (each.isObject()) {
            each.fields().forEachRemaining(e -> iterations.add(new JsonNode[] {TextNode.valueOf(e.getKey()),
                e.getValue()}));
          } else {
            throw fail(step.path().key("each"), "each must resolve to an array or object, found " + each);
          }
        } else {
          iterations.add(null);
        }
        List<JsonNode> inputs = new ArrayList<>();
        for (JsonNode[] it : iterations) {
          ObjectNode c = ctx.deepCopy();
          if (it != null) {
            c.set("each", F.objectNode().<ObjectNode>set("key", it[0]).set("value", it[1]));
            if (step.condition().isPresent()) {
              ObjectNode withSecrets = c.deepCopy();
              addSecrets(withSecrets, secrets, false);
              if (!stepTruthy(renderTree(step.condition().get(), withSecrets, step.path().key("if"), failed))) {
                inputs.add(null);
                continue;
              }
            }
          }
          ObjectNode blank = c.deepCopy();
          addSecrets(blank, blankSecrets, true);
          addSecrets(c, secrets, false);
          JsonNode input = renderTree(step.input(), c, step.path().key("input"), failed);
          if (!request.secrets().isEmpty() || !envSecrets.isEmpty()) {
            JsonNode blankInput = renderTree(step.input(), blank, step.path().key("input"), failed);
            collectDifferences(input, blankInput);
          }
          if (!input.isObject()) {
            input = F.objectNode();
          }
          List<String> errs = schemas.validate(action.inputSchema(), input);
          if (!errs.isEmpty()) {
            throw fail(step.path().key("input"), "invalid input for action " + step.action() + ": "
                + String.join("; ", errs));
          }
          inputs.add(input);
        }
        boolean collect = step.each().isPresent();
        for (JsonNode input : inputs) {
          if (input == null) {
            continue;
          }
          if (request.dryRun()) {
            info(step.id(), "running " + step.action() + " with input " + redactText(input.toString()));
          }
          Context actx = new Context(step, input, workspace, request, output, collect);
          action.handle(actx);
        }
        steps.set(step.id(), F.objectNode().set("output", output));
        results.add(new ScaffoldResult.StepResult(step.id(), step.name(), step.action(), "completed",
            redact(output)));
      } catch (ScaffolderException | TemplateException e) {
        String message = e.getMessage();
        if (e instanceof ScaffolderException se && se.file().isEmpty()) {
          // an action's input error: place it at the step's input in the template file
          message = fail(step.path().key("input"), se.detail()).getMessage();
        }
        firstError = Optional.of(redactText(message));
        error(step.id(), firstError.get());
        results.add(new ScaffoldResult.StepResult(step.id(), step.name(), step.action(), "failed", F.objectNode()));
      } catch (IOException | RuntimeException e) {
        String why = e instanceof IOException || e instanceof UncheckedIOException || e instanceof PortolanException
            || e instanceof IllegalArgumentException ? e.getMessage() : e.getClass().getSimpleName() + ": "
            + e.getMessage();
        ScaffolderException se = fail(step.path(), "step " + step.id() + " (" + step.action() + ") failed: " + why);
        firstError = Optional.of(redactText(se.getMessage()));
        error(step.id(), firstError.get());
        results.add(new ScaffoldResult.StepResult(step.id(), step.name(), step.action(), "failed", F.objectNode()));
      }
    }
    JsonNode output = F.objectNode();
    try {
      output = renderTree(template.output(), ctx, FieldPath.of("spec", "output"), false);
      if (output.isObject()) {
        filterConditional((ObjectNode) output, "links");
        filterConditional((ObjectNode) output, "text");
      } else {
        output = F.objectNode();
      }
    } catch (ScaffolderException | TemplateException e) {
      if (firstError.isEmpty()) {
        firstError = Optional.of(redactText(e.getMessage()));
      }
      error("", redactText(e.getMessage()));
    }
    List<ScaffoldResult.GeneratedFile> files = listFiles(workspace);
    if (!request.dryRun() && firstError.isEmpty() && request.outputDirectory().isPresent()) {
      copyTree(workspace, request.outputDirectory().get());
      for (Runnable pending : afterRun) {
        try {
          pending.run();
        } catch (PortolanException | UncheckedIOException e) {
          firstError = Optional.of(redactText(e.getMessage()));
          error("", firstError.get());
        }
      }
    }
    LOG.debug("template {} ran {} steps{}", template.ref(), results.size(),
        firstError.map(e -> ", failed: " + e).orElse(""));
    return new ScaffoldResult(files, log, redact(output), results, firstError);
  }

  private void addSecrets(ObjectNode c, ObjectNode taskSecrets, boolean blank) {
    c.set("secrets", taskSecrets);
    ObjectNode env = F.objectNode();
    envSecrets.forEach((k, v) -> env.put(k, blank ? "" : v));
    ((ObjectNode) c.get("environment")).set("secrets", env);
  }

  private static String redactSecrets(String text, Map<String, String> secrets) {
    String r = text;
    for (String v : secrets.values()) {
      if (!v.isEmpty()) {
        r = r.replace(v, "***");
      }
    }
    return r;
  }

  private static boolean callsStatusFunction(Template.Step step) {
    return step.condition().filter(JsonNode::isTextual).map(JsonNode::asText)
        .filter(s -> s.contains("always()") || s.contains("failure()")).isPresent();
  }

  private static void filterConditional(ObjectNode output, String key) {
    JsonNode items = output.get(key);
    if (items == null || !items.isArray()) {
      return;
    }
    ArrayNode kept = F.arrayNode();
    for (JsonNode item : items) {
      if (item.isObject() && item.has("if")) {
        if (!stepTruthy(item.get("if"))) {
          continue;
        }
        ObjectNode copy = ((ObjectNode) item).deepCopy();
        copy.remove("if");
        kept.add(copy);
      } else {
        kept.add(item);
      }
    }
    output.set(key, kept);
  }

  /** Backstage's step truthiness: false, undefined, null, "", 0, NaN and [] are false. */
  static boolean stepTruthy(JsonNode v) {
    if (v != null && v.isArray()) {
      return v.size() > 0;
    }
    return JsonValues.truthy(v);
  }

  // ---------------------------------------------------------------- value rendering

  private JsonNode renderTree(JsonNode node, ObjectNode ctx, FieldPath path, boolean failed) {
    if (node.isTextual()) {
      return renderString(node.asText(), ctx, path, failed);
    }
    if (node.isObject()) {
      ObjectNode o = F.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = renderTree(e.getValue(), ctx, path.key(e.getKey()), failed);
        if (!v.isMissingNode()) {
          o.set(e.getKey(), v);
        }
      }
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = F.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        JsonNode v = renderTree(node.get(i), ctx, path.index(i), failed);
        a.add(v.isMissingNode() ? F.nullNode() : v);
      }
      return a;
    }
    return node;
  }

  private JsonNode renderString(String s, ObjectNode ctx, FieldPath path, boolean failed) {
    if (!s.contains("${{") && !s.contains("{%") && !s.contains("{#")) {
      return TextNode.valueOf(s);
    }
    String name = file + " " + path;
    try {
      Engine.Compiled c = engine.compile(s, name, Syntax.BACKSTAGE);
      // the step-status functions of scaffolder-backend 4.0
      Map<String, JsonNode> status = Map.of("always", F.booleanNode(true), "failure", F.booleanNode(failed));
      if (c.isSoleExpression()) {
        return c.evaluate(ctx, status);
      }
      return TextNode.valueOf(c.render(ctx, status));
    } catch (TemplateException e) {
      if (strict) {
        throw fail(path, "cannot render " + redactText(s) + ": " + redactText(e.detail()));
      }
      warn("", fail(path, "kept the text as written, it cannot be rendered: " + redactText(e.detail())).getMessage());
      return TextNode.valueOf(s);
    }
  }

  // ---------------------------------------------------------------- secrets

  private void collectDifferences(JsonNode with, JsonNode without) {
    if (with.isTextual()) {
      if (!without.isTextual() || !with.asText().equals(without.asText())) {
        if (!with.asText().isEmpty()) {
          redactions.add(with.asText());
        }
      }
      return;
    }
    if (with.isObject()) {
      with.fields().forEachRemaining(e -> collectDifferences(e.getValue(), without.path(e.getKey())));
    } else if (with.isArray()) {
      for (int i = 0; i < with.size(); i++) {
        collectDifferences(with.get(i), without.path(i));
      }
    }
  }

  String redactText(String s) {
    if (s == null) {
      return "";
    }
    String r = s;
    List<String> sorted = new ArrayList<>(redactions);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    for (String secret : sorted) {
      r = r.replace(secret, "***");
    }
    return r;
  }

  JsonNode redact(JsonNode n) {
    if (n.isTextual()) {
      return TextNode.valueOf(redactText(n.asText()));
    }
    if (n.isObject()) {
      ObjectNode o = F.objectNode();
      n.fields().forEachRemaining(e -> o.set(e.getKey(), redact(e.getValue())));
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = F.arrayNode();
      n.forEach(x -> a.add(redact(x)));
      return a;
    }
    return n;
  }

  void info(String step, String msg) {
    log.add(new ScaffoldResult.LogEntry(clock.instant(), step, "info", redactText(msg)));
  }

  void warn(String step, String msg) {
    log.add(new ScaffoldResult.LogEntry(clock.instant(), step, "warn", redactText(msg)));
  }

  void error(String step, String msg) {
    log.add(new ScaffoldResult.LogEntry(clock.instant(), step, "error", redactText(msg)));
  }

  // ---------------------------------------------------------------- files

  private List<ScaffoldResult.GeneratedFile> listFiles(Path workspace) {
    List<ScaffoldResult.GeneratedFile> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(workspace)) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        if (p.equals(workspace)) {
          continue;
        }
        String rel = workspace.relativize(p).toString().replace('\\', '/');
        if (Files.isSymbolicLink(p)) {
          out.add(new ScaffoldResult.GeneratedFile(rel,
              Files.readSymbolicLink(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), false, true));
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          byte[] content = Files.readAllBytes(p);
          String redacted = redactions.isEmpty() ? null : redactText(new String(content,
              java.nio.charset.StandardCharsets.UTF_8));
          out.add(new ScaffoldResult.GeneratedFile(rel, redacted == null ? content
              : redacted.getBytes(java.nio.charset.StandardCharsets.UTF_8), Files.isExecutable(p), false));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void copyTree(Path from, Path to) {
    try {
      Files.createDirectories(to);
      Files.walkFileTree(from, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          Files.createDirectories(to.resolve(from.relativize(dir).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
          Path target = to.resolve(from.relativize(f).toString());
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
              LinkOption.NOFOLLOW_LINKS);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new ScaffolderException(to.toString(), Optional.empty(), "", "", "cannot write the generated files: "
          + e.getMessage(), e);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      List<Path> all = s.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("cannot delete workspace {}: {}", root, e.getMessage());
    }
  }

  // ---------------------------------------------------------------- action context

  /** Lets built-in actions schedule work for after the files are written to the output directory. */
  interface AfterRun {
    Optional<Path> outputDirectory();

    void afterRun(Runnable task);
  }

  private final List<Runnable> afterRun = new ArrayList<>();

  private final class Context implements ActionContext, AfterRun {
    private final Template.Step step;
    private final JsonNode input;
    private final Path workspace;
    private final ScaffoldRequest request;
    private final ObjectNode output;
    private final boolean collect;

    Context(Template.Step step, JsonNode input, Path workspace, ScaffoldRequest request, ObjectNode output,
        boolean collect) {
      this.step = step;
      this.input = input;
      this.workspace = workspace;
      this.request = request;
      this.output = output;
      this.collect = collect;
    }

    @Override
    public JsonNode input() {
      return input.deepCopy();
    }

    @Override
    public Optional<Path> outputDirectory() {
      return request.dryRun() ? Optional.empty() : request.outputDirectory();
    }

    @Override
    public void afterRun(Runnable task) {
      afterRun.add(task);
    }

    @Override
    public Path workspace() {
      return workspace;
    }

    @Override
    public Path resolveInWorkspace(String relative) {
      try {
        return SafePaths.resolve(workspace, relative);
      } catch (ScaffolderException e) {
        throw fail(step.path().key("input"), e.detail());
      }
    }

    @Override
    public Path resolveUrl(String url) {
      String u = url;
      if (u.startsWith("file://")) {
        u = u.substring("file://".length());
      } else if (u.startsWith("file:")) {
        u = u.substring("file:".length());
      } else if (u.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
        throw fail(step.path().key("input").key("url"), "cannot fetch " + u
            + ": only local template locations are supported; mirror the content next to the template");
      }
      Path base = template.baseDirectory().orElseThrow(() -> fail(step.path().key("input").key("url"),
          "cannot resolve url '" + url + "': the template was loaded without a base directory"));
      Path root = templateRoot.map(p -> p.toAbsolutePath().normalize()).orElse(base);
      Path candidate = Path.of(u).isAbsolute() ? Path.of(u) : base.resolve(u);
      try {
        return SafePaths.check(root, candidate);
      } catch (ScaffolderException e) {
        throw fail(step.path().key("input").key("url"), "url '" + url + "' leads outside "
            + (templateRoot.isPresent() ? "the template root " + root : "the template directory " + base
            + " (set a template root to allow ../ paths)"));
      }
    }

    @Override
    public String render(String text, String name, JsonNode context, RenderOptions options) {
      Syntax syntax = (options.cookiecutterCompat() ? Syntax.COOKIECUTTER : Syntax.BACKSTAGE)
          .withBlocks(options.trimBlocks(), options.lstripBlocks());
      return engine.render(text, name, syntax, context);
    }

    @Override
    public void output(String name, JsonNode value) {
      if (collect) {
        JsonNode existing = output.get(name);
        ArrayNode arr = existing instanceof ArrayNode a ? a : F.arrayNode();
        arr.add(value == null ? MissingNode.getInstance() : value.deepCopy());
        output.set(name, arr);
      } else {
        output.set(name, value == null ? F.nullNode() : value.deepCopy());
      }
    }

    @Override
    public void log(String message) {
      info(step.id(), message);
    }

    @Override
    public boolean isDryRun() {
      return request.dryRun();
    }

    @Override
    public Map<String, String> secrets() {
      return new LinkedHashMap<>(request.secrets());
    }

    @Override
    public JsonNode user() {
      return request.user().deepCopy();
    }

    @Override
    public String stepId() {
      return step.id();
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
      if (millis > maxWait.toMillis()) {
        throw fail(step.path().key("input"), "waiting " + millis + " ms is longer than the maximum of "
            + maxWait.toMillis() + " ms");
      }
      Thread.sleep(Math.max(0, millis));
    }
  }
}
