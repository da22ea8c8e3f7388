package dev.portolan.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portolan.scaffolder.RenderLimits;
import java.util.Map;
import net.jqwik.api.ForAll;
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
}
