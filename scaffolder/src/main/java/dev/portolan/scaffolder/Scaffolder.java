package dev.portolan.scaffolder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.scaffolder.internal.BackstageFilters;
import dev.portolan.scaffolder.internal.BuiltinActions;
import dev.portolan.scaffolder.internal.CatalogActions;
import dev.portolan.scaffolder.internal.Engine;
import dev.portolan.scaffolder.internal.Runner;
import dev.portolan.scaffolder.internal.Syntax;
import dev.portolan.scaffolder.internal.TemplateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs Backstage {@code scaffolder.backstage.io/v1beta3} templates in-process.
 *
 * <h2>Use</h2>
 * <pre>
 * Scaffolder scaffolder = Scaffolder.builder().build();
 * Template template = scaffolder.loadTemplate(Path.of("template.yaml"));
 * ScaffoldResult result = scaffolder.run(ScaffoldRequest.dryRun(template, values));
 * result.files().forEach(f -&gt; System.out.println(f.path()));
 * </pre>
 *
 * <h2>What it does</h2>
 * Parameters are validated against each page's JSON Schema ({@code ui:*} keys ignored) after schema
 * defaults are applied. Steps run in order in one temporary workspace, with Backstage's {@code if}
 * truthiness, {@code each}, and value rendering: a string that is exactly one {@code ${{ }}} expression
 * keeps the expression's type, {@code undefined} removes the key. Secrets are visible only while a step's
 * input is rendered and are redacted from the log, the step outputs and the result, also after a filter
 * transformed them. {@code spec.output} is rendered after the last step.
 *
 * <h2>The template language</h2>
 * A closed interpreter of the nunjucks language over JSON data: no reflection, no host objects, no
 * loaders. Every rendering is bounded by {@link RenderLimits}. Add filters and globals with
 * {@link Builder#filter} and {@link Builder#global}; Backstage's {@code parseRepoUrl}, {@code projectSlug},
 * {@code parseEntityRef} and {@code pick} are built in.
 *
 * <h2>Safety</h2>
 * Every path from template input is resolved inside the workspace; {@code ..}, absolute paths and symlinks
 * (chains, dangling links) leading outside are refused. Relative {@code url:} inputs resolve against the
 * template's directory, or against {@link Builder#templateRoot} when set.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Scaffolder {

  private final Engine engine;
  private final Map<String, ScaffolderAction> actions;
  private final Clock clock;
  private final boolean strictRendering;
  private final Optional<Path> templateRoot;
  private final Duration maxWait;
  private final JsonNode envParameters;
  private final Map<String, String> envSecrets;
  private final dev.portolan.scaffolder.internal.Schemas.Cache schemas = new dev.portolan.scaffolder.internal.Schemas.Cache();

  private Scaffolder(Builder b) {
    Map<String, TemplateFilter> filters = new LinkedHashMap<>(BackstageFilters.create(b.integrations));
    filters.putAll(b.filters);
    this.engine = new Engine(filters, b.globals, b.limits, b.randomSeed, b.javaScriptMethods);
    Map<String, ScaffolderAction> acts = new LinkedHashMap<>();
    for (ScaffolderAction a : BuiltinActions.all()) {
      acts.put(a.id(), a);
    }
    b.catalog.ifPresent(c -> CatalogActions.create(c).forEach(a -> acts.put(a.id(), a)));
    acts.putAll(b.actions);
    for (String id : b.skipped) {
      acts.put(id, BuiltinActions.skipped(id));
    }
    this.actions = Map.copyOf(acts);
    this.clock = b.clock;
    this.strictRendering = b.strictRendering;
    this.templateRoot = b.templateRoot;
    this.maxWait = b.maxWait;
    this.envParameters = b.envParameters.deepCopy();
    this.envSecrets = Map.copyOf(b.envSecrets);
  }

  /**
   * Starts a builder with the built-in actions and filters and {@link RenderLimits#DEFAULTS}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads a Template entity from a YAML file (the first document of kind Template).
   *
   * @param file the template.yaml
   * @return the template
   * @throws ScaffolderException naming file, line, column and field when the file is not a valid template
   */
  public Template loadTemplate(Path file) {
    return new TemplateLoader(templateRoot).load(file);
  }

  /**
   * Loads a Template entity from YAML text (the first document of kind Template).
   *
   * @param yaml the template text
   * @param name the name error messages use for it, e.g. {@code templates/service/template.yaml}
   * @param baseDirectory the directory relative {@code url:} inputs and {@code $yaml} placeholders resolve
   *     against (the directory that holds the skeletons)
   * @return the template
   * @throws ScaffolderException naming the given name, line, column and field when the text is not a valid
   *     template
   */
  public Template loadTemplate(String yaml, String name, Path baseDirectory) {
    return new TemplateLoader(templateRoot).load(Objects.requireNonNull(yaml, "yaml"),
        Objects.requireNonNull(name, "name"), Optional.of(baseDirectory));
  }

  /**
   * Loads a Template entity from YAML text that needs no files: a relative {@code url:} then fails its step,
   * and a {@code $yaml}/{@code $json}/{@code $text} placeholder fails the load, each with a clear error.
   *
   * @param yaml the template text
   * @param name the name error messages use for it
   * @return the template
   * @throws ScaffolderException naming the given name, line, column and field when the text is not a valid
   *     template
   */
  public Template loadTemplate(String yaml, String name) {
    return new TemplateLoader(templateRoot).load(Objects.requireNonNull(yaml, "yaml"),
        Objects.requireNonNull(name, "name"), Optional.empty());
  }

  /**
   * Loads a Template entity from a UTF-8 stream; the stream is read to its end, not closed.
   *
   * @param in the stream
   * @param name the name error messages use for it
   * @param baseDirectory the directory relative {@code url:} inputs and placeholders resolve against
   * @return the template
   * @throws ScaffolderException when the stream cannot be read or is not a valid template
   */
  public Template loadTemplate(InputStream in, String name, Path baseDirectory) {
    return loadTemplate(read(in, name), name, baseDirectory);
  }

  /**
   * Loads a Template entity from a classpath resource. A resource in a directory (a build's
   * {@code target/classes}, an exploded deployment) keeps its directory as the base of relative
   * {@code url:} inputs, so its skeletons are found next to it; a resource inside a jar has no base
   * directory (see {@link #loadTemplate(String, String)}); copy its skeletons out and use
   * {@link #loadTemplate(InputStream, String, Path)} for those.
   *
   * @param loader the class loader to read from
   * @param resource the resource name, e.g. {@code templates/service/template.yaml}
   * @return the template
   * @throws ScaffolderException naming the resource when it is missing or not a valid template
   */
  public Template loadTemplateResource(ClassLoader loader, String resource) {
    Objects.requireNonNull(loader, "loader");
    Objects.requireNonNull(resource, "resource");
    URL url = loader.getResource(resource);
    if (url == null) {
      throw new ScaffolderException(resource, Optional.empty(), "", "",
          "expected a classpath resource, found nothing");
    }
    if ("file".equals(url.getProtocol())) {
      try {
        Path file = Path.of(url.toURI());
        Template t = new TemplateLoader(templateRoot).load(file);
        return t;
      } catch (URISyntaxException | IllegalArgumentException e) {
        // not a plain file URL: read it as a stream below
      }
    }
    try (InputStream in = url.openStream()) {
      return loadTemplate(read(in, resource), resource);
    } catch (IOException e) {
      throw new ScaffolderException(resource, Optional.empty(), "", "", "cannot read the resource: " + e.getMessage(), e);
    }
  }

  private static String read(InputStream in, String name) {
    try {
      return new String(Objects.requireNonNull(in, "in").readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScaffolderException(name, Optional.empty(), "", "", "cannot read the template: " + e.getMessage(), e);
    }
  }

  /**
   * Runs a template.
   *
   * @param request what to run
   * @return the generated files, the log, the output and each step's status; a failed step is reported in
   *     {@link ScaffoldResult#error()}
   * @throws ScaffolderException when the values do not match the parameters or the template names an
   *     unknown action (nothing runs then)
   */
  public ScaffoldResult run(ScaffoldRequest request) {
    return new Runner(engine, actions, clock, strictRendering, templateRoot, maxWait, schemas, envParameters,
        envSecrets).run(request);
  }

  /**
   * Renders text with Backstage's {@code ${{ }}} delimiters.
   *
   * @param template the text
   * @param context the variables (a JSON object)
   * @return the output
   * @throws TemplateException on syntax or runtime errors or a crossed budget
   */
  public String render(String template, JsonNode context) {
    return engine.render(template, "template", Syntax.BACKSTAGE, context);
  }

  /**
   * Renders text with plain nunjucks {@code {{ }}} delimiters.
   *
   * @param template the text
   * @param context the variables
   * @return the output
   * @throws TemplateException on syntax or runtime errors or a crossed budget
   */
  public String renderNunjucks(String template, JsonNode context) {
    return engine.render(template, "template", Syntax.NUNJUCKS, context);
  }

  /**
   * Renders a value as step inputs are rendered: a string that is exactly one {@code ${{ }}} expression
   * returns the expression's native value (a MissingNode for {@code undefined}); other strings render to
   * text.
   *
   * @param template the string
   * @param context the variables
   * @return the value
   * @throws TemplateException on syntax or runtime errors or a crossed budget
   */
  public JsonNode renderValue(String template, JsonNode context) {
    Engine.Compiled c = engine.compile(template, "value", Syntax.BACKSTAGE);
    return c.isSoleExpression() ? c.evaluate(context)
        : com.fasterxml.jackson.databind.node.TextNode.valueOf(c.render(context));
  }

  /** Configures a {@link Scaffolder}. Not thread-safe; build once and share the result. */
  public static final class Builder {
    private final Map<String, ScaffolderAction> actions = new LinkedHashMap<>();
    private final Map<String, TemplateFilter> filters = new LinkedHashMap<>();
    private final Map<String, TemplateGlobal> globals = new LinkedHashMap<>();
    private final Map<String, String> integrations = new LinkedHashMap<>(BackstageFilters.defaultIntegrations());
    private RenderLimits limits = RenderLimits.DEFAULTS;
    private Clock clock = Clock.systemUTC();
    private boolean strictRendering;
    private boolean javaScriptMethods = true;
    private long randomSeed;
    private Optional<Path> templateRoot = Optional.empty();
    private Duration maxWait = Duration.ofMinutes(10);
    private final java.util.Set<String> skipped = new java.util.LinkedHashSet<>();
    private Optional<dev.portolan.catalog.core.Catalog> catalog = Optional.empty();
    private JsonNode envParameters = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    private Map<String, String> envSecrets = Map.of();

    private Builder() {}

    /**
     * Sets Backstage's {@code scaffolder.defaultEnvironment}: templates read {@code environment.parameters}
     * everywhere and {@code environment.secrets} while step inputs are rendered; the secrets are redacted
     * like task secrets.
     *
     * @param parameters the parameters object
     * @param secrets the secrets
     * @return this builder
     */
    public Builder defaultEnvironment(JsonNode parameters, Map<String, String> secrets) {
      this.envParameters = Objects.requireNonNull(parameters, "parameters").deepCopy();
      this.envSecrets = Map.copyOf(secrets);
      return this;
    }

    /**
     * Connects a catalog: adds the {@code catalog:fetch} action (reads entities from its current snapshot)
     * and {@code catalog:register} (registers local files as locations; not run in dry runs).
     *
     * @param newCatalog the catalog
     * @return this builder
     */
    public Builder catalog(dev.portolan.catalog.core.Catalog newCatalog) {
      this.catalog = Optional.of(Objects.requireNonNull(newCatalog, "catalog"));
      return this;
    }

    /**
     * Declares an action that this scaffolder does not run: steps using it are reported as skipped (for
     * example {@code publish:github} when generating files locally). Later steps see no outputs from them.
     *
     * @param id the action id
     * @return this builder
     */
    public Builder skipAction(String id) {
      skipped.add(Objects.requireNonNull(id, "id"));
      return this;
    }

    /**
     * Adds (or replaces) an action.
     *
     * @param action the action
     * @return this builder
     */
    public Builder action(ScaffolderAction action) {
      actions.put(action.id(), Objects.requireNonNull(action, "action"));
      return this;
    }

    /**
     * Adds (or replaces) a template filter.
     *
     * @param name the filter name
     * @param filter the filter
     * @return this builder
     */
    public Builder filter(String name, TemplateFilter filter) {
      filters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(filter, "filter"));
      return this;
    }

    /**
     * Adds (or replaces) a template global function.
     *
     * @param name the function name
     * @param global the function
     * @return this builder
     */
    public Builder global(String name, TemplateGlobal global) {
      globals.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(global, "global"));
      return this;
    }

    /**
     * Declares an SCM integration host for {@code parseRepoUrl}/{@code projectSlug}.
     *
     * @param host the host, e.g. {@code git.example.com}
     * @param type {@code github}, {@code gitlab}, {@code bitbucket}, {@code bitbucketServer},
     *     {@code bitbucketCloud}, {@code azure}, {@code gitea} or {@code gerrit}
     * @return this builder
     */
    public Builder integration(String host, String type) {
      integrations.put(Objects.requireNonNull(host, "host"), Objects.requireNonNull(type, "type"));
      return this;
    }

    /**
     * Sets the render budgets.
     *
     * @param newLimits the budgets
     * @return this builder
     */
    public Builder limits(RenderLimits newLimits) {
      this.limits = Objects.requireNonNull(newLimits, "limits");
      return this;
    }

    /**
     * Sets the clock used for timestamps in the log.
     *
     * @param newClock the clock
     * @return this builder
     */
    public Builder clock(Clock newClock) {
      this.clock = Objects.requireNonNull(newClock, "clock");
      return this;
    }

    /**
     * Fails a step when one of its input values cannot be rendered. By default, as in Backstage, the
     * original string is kept and a warning naming the error is logged.
     *
     * @param strict whether rendering errors fail the step
     * @return this builder
     */
    public Builder strictRendering(boolean strict) {
      this.strictRendering = strict;
      return this;
    }

    /**
     * Allows the data-only JavaScript String and Array methods ({@code .split()}, {@code .slice()},
     * {@code .replaceAll()}, {@code .padStart()}, ...) that classic Backstage templates call. On by default. Off,
     * only the methods scaffolder-backend 4.x's renderer (Nunjitsu) allows are callable ({@code split},
     * {@code slice}, {@code replace}, {@code toLowerCase}, {@code join}, ...; not {@code replaceAll},
     * {@code padStart}, {@code repeat} or the locale variants).
     *
     * @param enabled whether every method is callable, rather than only those current Backstage allows
     * @return this builder
     */
    public Builder javaScriptMethods(boolean enabled) {
      this.javaScriptMethods = enabled;
      return this;
    }

    /**
     * Seeds the {@code random} filter, so runs are reproducible.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder randomSeed(long seed) {
      this.randomSeed = seed;
      return this;
    }

    /**
     * Sets the directory under which relative {@code url:} inputs may point (for example the root of a
     * repository of templates that share skeletons through {@code ../}). Without it, they must stay inside
     * the template's own directory.
     *
     * @param root the root directory
     * @return this builder
     */
    public Builder templateRoot(Path root) {
      this.templateRoot = Optional.of(root);
      return this;
    }

    /**
     * Sets the longest {@code debug:wait}.
     *
     * @param max the maximum
     * @return this builder
     */
    public Builder maxWait(Duration max) {
      this.maxWait = Objects.requireNonNull(max, "max");
      return this;
    }

    /**
     * Builds the scaffolder.
     *
     * @return an immutable, thread-safe scaffolder
     */
    public Scaffolder build() {
      return new Scaffolder(this);
    }
  }
}
