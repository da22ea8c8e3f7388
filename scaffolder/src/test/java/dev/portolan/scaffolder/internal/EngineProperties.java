package dev.portolan.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portolan.scaffolder.RenderLimits;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class EngineProperties {

  static final Engine ENGINE = new Engine(Map.of(), Map.of(), RenderLimits.DEFAULTS, 0L, true);

  @Property
  void render_textWithoutDelimiters_rendersToItself(@ForAll @StringLength(max = 200) String text) {
    String t = text.replace("{", "(").replace("#}", "#)").replace("$", "S");
    assertThat(ENGINE.render(t, "t", Syntax.BACKSTAGE, JsonNodeFactory.instance.objectNode())).isEqualTo(t);
  }

  @Property
  void render_rawBlock_roundTripsAnyText(@ForAll @StringLength(max = 200) String text) {
    String t = text.replace("{%", "{ %");
    assertThat(ENGINE.render("{% raw %}" + t + "{% endraw %}", "t", Syntax.BACKSTAGE,
        JsonNodeFactory.instance.objectNode())).isEqualTo(t);
  }

  @Property
  void render_stringLiteral_printsItsValue(@ForAll @StringLength(max = 100) String text) {
    String lit = text.replace("\\", "").replace("\"", "");
    assertThat(ENGINE.render("${{ \"" + lit + "\" }}", "t", Syntax.BACKSTAGE, JsonNodeFactory.instance.objectNode()))
        .isEqualTo(lit);
  }

  @Property
  void numberToString_roundTripsThroughParse(@ForAll double d) {
    String s = Js.numberToString(d);
    if (Double.isFinite(d)) {
      assertThat(Double.parseDouble(s)).isEqualTo(d == 0 ? 0.0 : d);
    }
  }

  @Provide
  Arbitrary<String> templateSoup() {
    Arbitrary<String> token = Arbitraries.of("${{", "}}", "{%", "%}", "{#", "#}", "-", "if", "for", "in", "endif",
        "endfor", "set", "=", "x", "y", "(", ")", "[", "]", "{", "}", ",", ":", "|", "upper", "dump", "\"s\"", "'",
        "1", "2.5", " ", "\n", "not", "and", "or", "is", "defined", "~", "+", "*", "//", "**", ".", "macro",
        "endmacro", "call", "endcall", "raw", "endraw", "else", "elif", "r/a/g", "===", "loop", "caller", "switch",
        "case", "endswitch", "filter", "endfilter", "block", "endblock", "include");
    return token.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void render_arbitraryTokenSoup_rendersOrFailsWithTemplateException(@ForAll("templateSoup") String t) {
    try {
      ENGINE.render(t, "t", Syntax.BACKSTAGE, JsonNodeFactory.instance.objectNode()
          .put("x", 1).set("y", JsonNodeFactory.instance.arrayNode().add("a")));
    } catch (dev.portolan.scaffolder.TemplateException e) {
      assertThat(e.getMessage()).startsWith("t");
    }
  }
}
