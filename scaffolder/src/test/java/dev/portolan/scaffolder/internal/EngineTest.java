package dev.portolan.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portolan.scaffolder.RenderLimits;
import dev.portolan.scaffolder.TemplateException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineTest {

  static final ObjectMapper M = new ObjectMapper();
  static final Engine ENGINE = new Engine(Map.of(), Map.of(), RenderLimits.DEFAULTS, 0L, true);
  static final Engine SMALL = new Engine(Map.of(), Map.of(),
      new RenderLimits(100_000, 10_000, 20_000, 64, Duration.ofSeconds(5)), 0L, true);

  static JsonNode json(String s) {
    try {
      return M.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String render(String t, String ctx) {
    return ENGINE.render(t, "t", Syntax.BACKSTAGE, json(ctx));
  }

  static JsonNode value(String t, String ctx) {
    Engine.Compiled c = ENGINE.compile(t, "t", Syntax.BACKSTAGE);
    return c.isSoleExpression() ? c.evaluate(json(ctx)) : TextNode.valueOf(c.render(json(ctx)));
  }

  @Test
  void render_stringFilterOnUndefinedOrNull_failsAsNunjucksDoes() {
    // nunjucks calls toString() on the value; Backstage then keeps the template text of a step input
    assertThatThrownBy(() -> render("${{ missing | string }}", "{}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("reading 'toString'");
    assertThatThrownBy(() -> render("${{ n | string }}", "{\"n\":null}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("of null");
    assertThat(render("${{ 1.5 | string }}", "{}")).isEqualTo("1.5");
  }

  @Test
  void render_sliceOfAString_givesStringPieces() {
    assertThat(render("${{ s | slice(2) | dump }}", "{\"s\":\"abcde\"}")).isEqualTo("[\"abc\",\"de\"]");
    assertThat(render("${{ s | slice(2) }}", "{\"s\":\"\"}")).isEqualTo(",");
  }

  @Test
  void render_backstageDelimiters_leaveDoubleBracesAlone() {
    assertThat(render("${{ a }} {{ a }} ${{ a | upper }}", "{\"a\":\"x\"}")).isEqualTo("x {{ a }} X");
  }

  @Test
  void render_spec32Table_matchesObservedBackstageResults() {
    String ctx = "{\"n\":0,\"s\":\"1\",\"obj\":{\"b\":[1,2]},\"arr\":[],\"nul\":null,\"t\":true,\"f\":1.0}";
    assertThat(value("${{ n }}", ctx)).isEqualTo(json("0"));
    assertThat(value("${{ s }}", ctx)).isEqualTo(TextNode.valueOf("1"));
    assertThat(value("${{ obj }}", ctx)).isEqualTo(json("{\"b\":[1,2]}"));
    assertThat(value("${{ arr }}", ctx)).isEqualTo(json("[]"));
    assertThat(value("${{ nul }}", ctx).isNull()).isTrue();
    assertThat(value("${{ missing }}", ctx).isMissingNode()).isTrue();
    assertThat(value("${{ a.b.c.d }}", ctx).isMissingNode()).isTrue();
    assertThat(value("${{ obj }}\n", ctx).asText()).isEqualTo("[object Object]\n");
    assertThat(value("v=${{ obj.b }}", ctx).asText()).isEqualTo("v=1,2");
    assertThat(value("${{ n }}${{ s }}", ctx).asText()).isEqualTo("01");
    assertThat(value("${{ t }} and ${{ nul }} and ${{ missing }}", ctx).asText()).isEqualTo("true and  and ");
    assertThat(value("${{ missing + \"/\" + missing }}", ctx).asText()).isEqualTo("undefined/undefined");
    assertThat(value("${{ \"x\" if missing }}", ctx).asText()).isEmpty();
    assertThat(value("${{ t if t }}", ctx)).isEqualTo(json("true"));
    assertThat(value("${{ s === \"1\" }}", ctx)).isEqualTo(json("true"));
    assertThat(value("${{ n == \"0\" }}", ctx)).isEqualTo(json("true"));
    assertThat(value("${{ 10 / 4 }}", ctx)).isEqualTo(json("2.5"));
    assertThat(value("${{ 7 // 2 }}", ctx)).isEqualTo(json("3"));
    assertThat(value("${{ 1 + \"1\" }}", ctx)).isEqualTo(TextNode.valueOf("11"));
    assertThat(value("${{ \"5\" * 2 }}", ctx)).isEqualTo(json("10"));
    assertThat(value("${{ f }}", ctx)).isEqualTo(json("1"));
    assertThat(value("${{ '${{ github.sha }}' }}", ctx)).isEqualTo(TextNode.valueOf("${{ github.sha }}"));
    assertThat(value("{% raw %}${{ secrets.GITHUB_TOKEN }}{% endraw %}", ctx).asText())
        .isEqualTo("${{ secrets.GITHUB_TOKEN }}");
  }

  @Test
  void render_javaScriptMethods_workOnDataOnly() {
    String ctx = "{\"str\":\"a,b\",\"name\":\"My-App\"}";
    assertThat(value("${{ str.split(\",\") }}", ctx)).isEqualTo(json("[\"a\",\"b\"]"));
    assertThat(render("${{ name.toLowerCase() }}|${{ name.slice(-3) }}|${{ name.replaceAll(\"-\", \"_\") }}", ctx))
        .isEqualTo("my-app|App|My_App");
  }

  @Test
  void render_javaScriptMethodsOff_allowsOnlyWhatCurrentBackstageAllows() {
    Engine current = new Engine(Map.of(), Map.of(), RenderLimits.DEFAULTS, 0L, false);
    JsonNode ctx = json("{\"name\":\"My-App\",\"list\":[\"b\",\"a\"]}");
    assertThat(current.render("${{ name.split(\"-\") | join(\"+\") }}|${{ name.toLowerCase() }}|"
        + "${{ name.replace(\"-\", \"_\") }}|${{ list.join(\",\") }}", "t", Syntax.BACKSTAGE, ctx))
        .isEqualTo("My+App|my-app|My_App|b,a");
    assertThatThrownBy(() -> current.render("${{ name.replaceAll(\"-\", \"_\") }}", "t", Syntax.BACKSTAGE, ctx))
        .isInstanceOf(TemplateException.class).hasMessageContaining("t:1:")
        .hasMessageContaining("cannot call the JavaScript method 'replaceAll'");
    assertThatThrownBy(() -> current.render("${{ name.padStart(9) }}", "t", Syntax.BACKSTAGE, ctx))
        .isInstanceOf(TemplateException.class);
  }

  @Test
  void render_numberMethods_giveJavaScriptsText() {
    Engine current = new Engine(Map.of(), Map.of(), RenderLimits.DEFAULTS, 0L, false);
    JsonNode ctx = json("{\"port\":8080,\"ratio\":0.125,\"big\":1e21}");
    String t = "${{ port.toString() }}|${{ port.toString(16) }}|${{ ratio.toFixed(2) }}|${{ ratio.toPrecision(2) }}|"
        + "${{ port.toExponential(1) }}|${{ big.toFixed(2) }}|${{ (1.005).toFixed(2) }}";
    String expected = "8080|1f90|0.13|0.13|8.1e+3|1e+21|1.00";
    assertThat(ENGINE.render(t, "t", Syntax.BACKSTAGE, ctx)).isEqualTo(expected);
    assertThat(current.render(t, "t", Syntax.BACKSTAGE, ctx)).isEqualTo(expected);
    assertThatThrownBy(() -> current.render("${{ port.toFixed(101) }}", "t", Syntax.BACKSTAGE, ctx))
        .isInstanceOf(TemplateException.class).hasMessageContaining("t:1:")
        .hasMessageContaining("toFixed() digits argument must be between 0 and 100");
  }

  @Test
  void render_stringCharCodeAt_givesUtf16CodeUnits() {
    assertThat(render("${{ s.charCodeAt(0) }}|${{ s.charCodeAt(1) }}|${{ s.charCodeAt(9) }}", "{\"s\":\"A\u00e9\"}"))
        .isEqualTo("65|233|NaN");
  }

  @Test
  void render_arrayMethods_workAsInJavaScriptInBothModes() {
    Engine current = new Engine(Map.of(), Map.of(), RenderLimits.DEFAULTS, 0L, false);
    for (Engine e : new Engine[] {ENGINE, current}) {
      JsonNode ctx = json("{\"l\":[\"b\",\"a\",\"c\"],\"n\":[10,9,1],\"nested\":[1,[2,[3,[4]]]]}");
      assertThat(e.render("${{ l.at(-1) }}|${{ l.at(5) }}|${{ l.lastIndexOf(\"a\") }}|${{ n.sort() | join(\",\") }}|"
          + "${{ nested.flat() | dump }}|${{ nested.flat(9) | dump }}", "t", Syntax.BACKSTAGE, ctx))
          .isEqualTo("c||1|1,10,9|[1,2,[3,[4]]]|[1,2,3,4]");
      assertThat(e.render("{% set x = l.push(\"d\", \"e\") %}${{ x }}:${{ l | join }}|${{ l.pop() }}:${{ l.shift() }}:"
          + "${{ l.unshift(\"z\") }}:${{ l | join }}|${{ l.reverse() | join }}|${{ l.splice(1, 2, \"q\") | join }}:"
          + "${{ l | join }}|${{ l.fill(0, 1) | join }}|${{ [1,2,3,4,5].copyWithin(0, 3) | join }}",
          "t", Syntax.BACKSTAGE, ctx))
          .isEqualTo("5:bacde|e:b:4:zacd|dcaz|ca:dqz|d00|45345");
    }
  }

  @Test
  void render_javaScriptMethodsOff_argumentCountsAsCurrentBackstage() {
    Engine current = new Engine(Map.of(), Map.of(), RenderLimits.DEFAULTS, 0L, false);
    JsonNode ctx = json("{\"name\":\"My-App\",\"list\":[\"b\",\"a\"]}");
    assertThatThrownBy(() -> current.render("${{ name.toLowerCase(1) }}", "t", Syntax.BACKSTAGE, ctx))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("t:1:").hasMessageContaining("the method 'toLowerCase' requires 0 positional arguments, found 1");
    assertThatThrownBy(() -> current.render("${{ list.at() }}", "t", Syntax.BACKSTAGE, ctx))
        .isInstanceOf(TemplateException.class).hasMessageContaining("the method 'at' requires 1 positional arguments, found 0");
    assertThatThrownBy(() -> current.render("${{ name.slice(start=1) }}", "t", Syntax.BACKSTAGE, ctx))
        .isInstanceOf(TemplateException.class).hasMessageContaining("the method 'slice' does not accept keyword arguments");
    assertThat(current.render("${{ name.split(\"-\", 1) | join }}|${{ list.concat(1, 2, 3) | join }}", "t",
        Syntax.BACKSTAGE, ctx)).isEqualTo("My|ba123");
    assertThat(ENGINE.render("${{ name.toLowerCase(1) }}", "t", Syntax.BACKSTAGE, ctx)).isEqualTo("my-app");
  }

  @Test
  void render_arrayMutation_staysInsideOneRender() {
    JsonNode ctx = json("{\"l\":[1,2]}");
    Engine.Compiled c = ENGINE.compile("${{ l.push(3) }}", "t", Syntax.BACKSTAGE);
    assertThat(c.render(ctx)).isEqualTo("3");
    assertThat(c.render(ctx)).isEqualTo("3");
    assertThat(ctx.get("l").size()).isEqualTo(2);
  }

  @Test
  void render_filters_followNunjucksSemantics() {
    assertThat(render("${{ \"abc\" | replace(\"\", \".\") }}", "{}")).isEqualTo(".a.b.c.");
    assertThat(render("${{ \"hello world-foo BAR\" | title }}", "{}")).isEqualTo("Hello World-foo Bar");
    assertThat(render("${{ x | default(\"d\") }}|${{ n | default(\"d\") }}", "{\"n\":null}")).isEqualTo("d|");
    assertThat(render("${{ o | dump }}|${{ o | dump(2) }}", "{\"o\":{\"a\":\"é/\"}}"))
        .isEqualTo("{\"a\":\"é/\"}|{\n  \"a\": \"é/\"\n}");
    assertThat(render("${{ \"a-b\" | replace(r/-/g, \"_\") }}", "{}")).isEqualTo("a_b");
  }

  @Test
  void render_unknownFilter_namesTemplateLineAndColumn() {
    assertThatThrownBy(() -> ENGINE.render("line one\n  ${{ x | nosuch }}", "skeleton/README.md", Syntax.BACKSTAGE,
        json("{}")))
        .isInstanceOf(TemplateException.class)
        .hasMessage("skeleton/README.md:2:7: unknown filter 'nosuch'")
        .satisfies(e -> {
          TemplateException te = (TemplateException) e;
          assertThat(te.line()).isEqualTo(2);
          assertThat(te.column()).isEqualTo(7);
          assertThat(te.templateName()).isEqualTo("skeleton/README.md");
        });
  }

  @Test
  void compile_unclosedIf_namesWhatWasExpected() {
    assertThatThrownBy(() -> ENGINE.compile("{% if x %}open", "a.txt", Syntax.BACKSTAGE))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("a.txt:")
        .hasMessageContaining("expected {% elif %} or {% elseif %} or {% else %} or {% endif %}, found end of template");
  }

  @Test
  void compile_unknownTagAndLoaderTags_areClearErrors() {
    assertThatThrownBy(() -> ENGINE.compile("x\n{% frobnicate %}", "a", Syntax.BACKSTAGE))
        .hasMessage("a:2:4: unknown tag 'frobnicate'");
    assertThatThrownBy(() -> ENGINE.compile("{% include \"x.njk\" %}", "a", Syntax.BACKSTAGE))
        .hasMessageContaining("needs a template loader");
  }

  @Test
  void render_callOfUndefined_isClearError() {
    assertThatThrownBy(() -> render("${{ foo(1) }}", "{}"))
        .hasMessage("t:1:8: cannot call 'foo', which is undefined");
  }

  @Test
  void render_prototypeAccess_yieldsNothing() {
    String ctx = "{\"x\":{},\"s\":\"abc\",\"a\":[1]}";
    assertThat(render("[${{ x.constructor }}][${{ s.constructor }}][${{ a.__proto__ }}][${{ x.prototype }}]"
        + "[${{ constructor }}][${{ x[\"__proto__\"] }}]", ctx)).isEqualTo("[][][][][][]");
    assertThatThrownBy(() -> render("${{ x.constructor.constructor(\"return process\")() }}", ctx))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("cannot call");
    assertThatThrownBy(() -> render("${{ ({}).constructor.constructor(\"return 1\")() }}", ctx))
        .isInstanceOf(TemplateException.class);
  }

  @Test
  void render_hugeRange_crossesWorkBudget() {
    assertThatThrownBy(() -> SMALL.render("{% for i in range(1000000000000) %}x{% endfor %}", "t", Syntax.BACKSTAGE, json("{}")))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("render budget exceeded");
    assertThatThrownBy(() -> SMALL.render("${{ range(1000000000000) | length }}", "t", Syntax.BACKSTAGE, json("{}")))
        .hasMessageContaining("render budget exceeded");
    // as in nunjucks, 1e12 is not a number literal but an unknown name: range(undefined) is empty
    assertThat(SMALL.render("${{ range(1e12) | length }}", "t", Syntax.BACKSTAGE, json("{}"))).isEqualTo("0");
  }

  @Test
  void render_stringDoubling_crossesOutputBudget() {
    String t = "{% set s = \"xxxxxxxx\" %}{% for i in range(40) %}{% set s = s ~ s %}{% endfor %}${{ s | length }}";
    assertThatThrownBy(() -> SMALL.render(t, "t", Syntax.BACKSTAGE, json("{}")))
        .hasMessageContaining("render budget exceeded");
    assertThatThrownBy(() -> SMALL.render("${{ \"x\" | center(1000000000) }}", "t", Syntax.BACKSTAGE, json("{}")))
        .hasMessageContaining("render budget exceeded");
    assertThatThrownBy(() -> SMALL.render("${{ \"x\".repeat(1000000000) }}", "t", Syntax.BACKSTAGE, json("{}")))
        .hasMessageContaining("render budget exceeded");
    assertThat(SMALL.render("${{ \"x\" * 1000000000 }}", "t", Syntax.BACKSTAGE, json("{}"))).isEqualTo("NaN");
  }

  @Test
  void render_recursiveMacro_crossesDepthBudget() {
    assertThatThrownBy(() -> SMALL.render("{% macro f() %}${{ f() }}{% endmacro %}${{ f() }}", "t",
        Syntax.BACKSTAGE, json("{}")))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("render budget exceeded");
  }

  @Test
  void compile_deepNesting_isRefusedNotStackOverflow() {
    String deep = "${{ " + "(".repeat(5000) + "1" + ")".repeat(5000) + " }}";
    assertThatThrownBy(() -> ENGINE.compile(deep, "t", Syntax.BACKSTAGE))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("nesting deeper than");
    String ifs = "{% if true %}".repeat(5000);
    assertThatThrownBy(() -> ENGINE.compile(ifs, "t", Syntax.BACKSTAGE))
        .isInstanceOf(TemplateException.class);
    String nots = "${{ " + "not ".repeat(5000) + "x }}";
    assertThatThrownBy(() -> ENGINE.compile(nots, "t", Syntax.BACKSTAGE))
        .isInstanceOf(TemplateException.class);
  }

  @Test
  void render_catastrophicRegex_isStoppedByBudget() {
    String t = "${{ \"" + "a".repeat(40) + "!\" | replace(r/(a+a+)+b/, \"x\") }}";
    assertThatThrownBy(() -> SMALL.render(t, "t", Syntax.BACKSTAGE, json("{}")))
        .hasMessageContaining("render budget exceeded");
  }

  @Test
  void compile_oversizedTemplate_isRefused() {
    assertThatThrownBy(() -> SMALL.compile("x".repeat(100_001), "big", Syntax.BACKSTAGE))
        .hasMessageContaining("longer than the limit");
  }

  @Test
  void render_hostFilterAndGlobal_seeJsonData() {
    Engine e = new Engine(
        Map.of("shout", (in, args) -> TextNode.valueOf(in.asText().toUpperCase() + args.get(0).asText())),
        Map.of("now", args -> TextNode.valueOf("2026-01-01")), RenderLimits.DEFAULTS, 0L, true);
    assertThat(e.render("${{ \"hi\" | shout(\"!\") }} ${{ now() }}", "t", Syntax.BACKSTAGE, JsonNodeFactory.instance
        .objectNode())).isEqualTo("HI! 2026-01-01");
  }

  @Test
  void render_randomFilter_isReproducibleForASeed() {
    String t = "${{ [1,2,3,4,5,6,7,8,9] | random }}${{ [1,2,3,4,5,6,7,8,9] | random }}";
    assertThat(ENGINE.render(t, "t", Syntax.BACKSTAGE, json("{}")))
        .isEqualTo(ENGINE.render(t, "t", Syntax.BACKSTAGE, json("{}")));
  }

  @Test
  void render_whitespaceControlAndTrimBlocks_trimAsNunjucks() {
    assertThat(render("a  {%- if true -%}  b  {%- endif -%}  c", "{}")).isEqualTo("abc");
    assertThat(ENGINE.render("{% if true %}\n  x\n{% endif %}\n", "t", Syntax.BACKSTAGE.withBlocks(true, true),
        json("{}"))).isEqualTo("  x\n");
  }

  @Test
  void render_forLoopOverDict_bindsKeyValueAndLoop() {
    assertThat(render("{% for k, v in d %}${{ loop.index }}${{ k }}=${{ v }};{% else %}none{% endfor %}",
        "{\"d\":{\"a\":1,\"b\":2}}")).isEqualTo("1a=1;2b=2;");
    assertThat(render("{% for x in [] %}x{% else %}none{% endfor %}", "{}")).isEqualTo("none");
  }

  @Test
  void render_cookiecutterCompat_addsJinjaNamesMethodsAndJsonify() {
    String t = "{{ True }}|{{ None }}|{{ False }}|{{ d.items() | length }}|{{ d.get(\"a\") }}|{{ d.get(\"z\", 9) }}|"
        + "{{ l.append(3) }}{{ l | join(\",\") }}|{{ d | jsonify }}|{{ d.items[1:] }}|{{ l.count(1) }}|"
        + "{{ l.index(2) }}|{{ d.keys() | join }}|{{ \"abcdef\"[1:3] }}";
    assertThat(ENGINE.render(t, "t", Syntax.COOKIECUTTER, json("{\"d\":{\"a\":1,\"b\":2},\"l\":[1,2]}")))
        .isEqualTo("true||false|2|1|9|31,2,3|{\"a\":1,\"b\":2}||1|1|ab|b,c");
    assertThat(ENGINE.render("{{ True }}", "t", Syntax.NUNJUCKS, json("{}"))).isEmpty();
  }
}
