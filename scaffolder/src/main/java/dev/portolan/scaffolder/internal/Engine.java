package dev.portolan.scaffolder.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.scaffolder.RenderLimits;
import dev.portolan.scaffolder.TemplateException;
import dev.portolan.scaffolder.TemplateFilter;
import dev.portolan.scaffolder.TemplateGlobal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The closed template interpreter: parses nunjucks-language templates and evaluates them over JSON data.
 * Immutable and thread-safe; every rendering gets its own interpreter state and budgets.
 */
public final class Engine {

  private final Map<String, JsFunction> filters;
  private final Map<String, JsFunction> tests;
  private final Map<String, Object> globals;
  private final RenderLimits limits;
  private final long randomSeed;
  private final boolean jsMethods;
  private final java.util.concurrent.ConcurrentHashMap<CacheKey, Compiled> cache =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int CACHE_SIZE = 2048;
  /** Only short templates (values, paths) are cached; file contents are rendered once per run. */
  private static final int CACHEABLE_CHARS = 4096;

  private record CacheKey(String source, String name, Syntax syntax) {}

  /**
   * Creates an engine.
   *
   * @param hostFilters filters added to (and overriding) the built-in ones
   * @param hostGlobals functions added to the built-in globals
   * @param limits render budgets
   * @param randomSeed seed of the {@code random} filter, so renderings are reproducible
   * @param jsMethods whether every data-only JavaScript String/Array method is callable, rather than only those
   *     current Backstage allows
   */
  public Engine(Map<String, TemplateFilter> hostFilters, Map<String, TemplateGlobal> hostGlobals,
      RenderLimits limits, long randomSeed, boolean jsMethods) {
    Map<String, JsFunction> f = Builtins.filters();
    hostFilters.forEach((name, filter) -> f.put(name, adapt(name, filter)));
    this.filters = Map.copyOf(f);
    this.tests = Map.copyOf(Builtins.tests());
    Map<String, Object> g = new HashMap<>(Builtins.globals());
    hostGlobals.forEach((name, global) -> g.put(name, adapt(name, global)));
    this.globals = Map.copyOf(g);
    this.limits = limits;
    this.randomSeed = randomSeed;
    this.jsMethods = jsMethods;
  }

  private static JsFunction adapt(String name, TemplateFilter filter) {
    return (in, args) -> {
      List<JsonNode> rest = new ArrayList<>();
      for (int i = 1; i < args.size(); i++) {
        rest.add(Values.toJson(args.get(i)));
      }
      return callHost(name, () -> filter.apply(Values.toJson(Builtins.a(args, 0)), List.copyOf(rest)));
    };
  }

  private static JsFunction adapt(String name, TemplateGlobal global) {
    return (in, args) -> {
      List<JsonNode> all = new ArrayList<>();
      for (Object a : args) {
        all.add(Values.toJson(a));
      }
      return callHost(name, () -> global.call(List.copyOf(all)));
    };
  }

  private static Object callHost(String name, java.util.function.Supplier<JsonNode> call) {
    JsonNode r;
    try {
      r = call.get();
    } catch (IllegalArgumentException | dev.portolan.catalog.model.PortolanException e) {
      throw new JsError(name + ": " + e.getMessage());
    }
    return Values.fromJson(r);
  }

  RenderLimits limits() {
    return limits;
  }

  long randomSeed() {
    return randomSeed;
  }

  boolean jsMethods() {
    return jsMethods;
  }

  JsFunction filter(String name) {
    return filters.get(name);
  }

  JsFunction test(String name) {
    return tests.get(name);
  }

  Object global(String name) {
    return globals.get(name);
  }

  /**
   * Reports whether a filter is known.
   *
   * @param name filter name
   * @return true when built in or added
   */
  public boolean hasFilter(String name) {
    return filters.containsKey(name);
  }

  /**
   * Parses a template.
   *
   * @param source template text
   * @param name template name used in error messages
   * @param syntax delimiters and whitespace options
   * @return the parsed template
   * @throws TemplateException on a syntax error or a template over the size budget
   */
  public Compiled compile(String source, String name, Syntax syntax) {
    if (source.length() > limits.maxTemplateChars()) {
      throw new TemplateException(name, 0, 0, "template of " + source.length()
          + " characters is longer than the limit of " + limits.maxTemplateChars());
    }
    CacheKey key = new CacheKey(source, name, syntax);
    Compiled cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    try {
      Compiled c = new Compiled(new Resolver().resolveRoot(
          new Parser(source, name, syntax, limits.maxDepth()).parseRoot()), name, syntax.jinjaCompat());
      if (source.length() <= CACHEABLE_CHARS) {
        if (cache.size() >= CACHE_SIZE) {
          cache.clear();
        }
        cache.put(key, c);
      }
      return c;
    } catch (StackOverflowError e) {
      throw new TemplateException(name, 0, 0, "template nesting too deep");
    }
  }

  /**
   * Renders a template to text.
   *
   * @param source template text
   * @param name template name used in error messages
   * @param syntax delimiters and whitespace options
   * @param context a JSON object whose fields are the template's variables
   * @return the output
   * @throws TemplateException on a syntax or runtime error or a crossed budget
   */
  public String render(String source, String name, Syntax syntax, JsonNode context) {
    return compile(source, name, syntax).render(context);
  }

  /** A parsed template, reusable and thread-safe. */
  public final class Compiled {
    private final Node.Root root;
    private final String name;
    private final boolean jinja;

    Compiled(Node.Root root, String name, boolean jinja) {
      this.root = root;
      this.name = name;
      this.jinja = jinja;
    }

    /**
     * Renders to text.
     *
     * @param context variables
     * @return the output
     */
    public String render(JsonNode context) {
      return render(context, Map.of());
    }

    /**
     * Renders to text with extra zero-argument functions (e.g. a step condition's {@code always()}).
     *
     * @param context variables
     * @param functions function name to the value it returns
     * @return the output
     */
    public String render(JsonNode context, Map<String, JsonNode> functions) {
      Interpreter in = new Interpreter(Engine.this, name, contextOf(context), jinja, functions(functions));
      return guard(() -> in.render(root));
    }

    /**
     * True when the template is exactly one output expression (comments aside).
     *
     * @return whether {@link #evaluate} applies
     */
    public boolean isSoleExpression() {
      return soleExpression() != null;
    }

    private Node soleExpression() {
      Node only = null;
      for (Node n : root.body().nodes()) {
        if (n instanceof Node.Text t && t.text().isEmpty()) {
          continue;
        }
        if (only != null) {
          return null;
        }
        only = n;
      }
      return only instanceof Node.Output o ? o.expr() : null;
    }

    /**
     * Evaluates a sole-expression template to its native value (MissingNode for undefined).
     *
     * @param context variables
     * @return the value
     * @throws IllegalStateException if the template is not a sole expression
     */
    public JsonNode evaluate(JsonNode context) {
      return evaluate(context, Map.of());
    }

    /**
     * Evaluates a sole-expression template with extra zero-argument functions.
     *
     * @param context variables
     * @param functions function name to the value it returns
     * @return the value
     */
    public JsonNode evaluate(JsonNode context, Map<String, JsonNode> functions) {
      Node expr = soleExpression();
      if (expr == null) {
        throw new IllegalStateException("not a single expression: " + name);
      }
      Interpreter in = new Interpreter(Engine.this, name, contextOf(context), jinja, functions(functions));
      return guard(() -> Values.toJson(in.evaluate(root, expr)));
    }

    private <T> T guard(java.util.function.Supplier<T> body) {
      try {
        return body.get();
      } catch (JsError e) {
        throw new TemplateException(name, 0, 0, e.getMessage());
      } catch (StackOverflowError e) {
        throw new TemplateException(name, 0, 0, "render budget exceeded: nesting too deep");
      }
    }
  }

  private static Map<String, Object> functions(Map<String, JsonNode> fns) {
    Map<String, Object> out = new HashMap<>();
    fns.forEach((k, v) -> {
      Object value = Values.fromJson(v);
      out.put(k, (JsFunction) (in, args) -> value);
    });
    return out;
  }

  private static JsObject contextOf(JsonNode context) {
    Object v = Values.fromJson(context);
    return v instanceof JsObject o ? o : new JsObject();
  }
}
