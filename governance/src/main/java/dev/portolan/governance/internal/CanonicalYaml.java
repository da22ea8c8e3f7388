package dev.portolan.governance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.RepresentToNode;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * Writes JSON trees as block YAML that every reader understands the same way: strings that a YAML 1.1
 * reader would turn into booleans, nulls, numbers or dates ({@code yes}, {@code no}, {@code on}, {@code
 * 2026-05-10}, {@code 1e3}, …) are double-quoted.
 */
public final class CanonicalYaml {

  private static final Pattern AMBIGUOUS = Pattern.compile(
      "(?i)^(y|n|yes|no|true|false|on|off|null|~|)$"
          + "|^[-+]?(\\d[\\d_]*)?(\\.\\d*)?([eE][-+]?\\d+)?$"
          + "|^[-+]?0[xob][0-9a-f_]+$"
          + "|^[-+]?\\.(inf|nan)$"
          + "|^\\d{4}-\\d{1,2}-\\d{1,2}.*$"
          + "|^[-+]?\\d+(:[0-5]?\\d)+(\\.\\d*)?$");

  private CanonicalYaml() {}

  /**
   * Writes one document.
   *
   * @param tree the JSON tree
   * @return block YAML ending in a newline
   */
  public static String write(JsonNode tree) {
    DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
        .setIndicatorIndent(0).setWidth(120).build();
    Dump dump = new Dump(settings, new Representer(settings));
    return dump.dumpToString(plain(tree));
  }

  private static Object plain(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      n.fields().forEachRemaining(e -> m.put(e.getKey(), plain(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(x -> l.add(plain(x)));
      return l;
    }
    if (n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    return n.asText();
  }

  private static final class Representer extends StandardRepresenter {
    Representer(DumpSettings settings) {
      super(settings);
      RepresentToNode strings = data -> {
        String s = (String) data;
        ScalarStyle style = AMBIGUOUS.matcher(s).find() ? ScalarStyle.DOUBLE_QUOTED : null;
        return style == null ? representScalar(Tag.STR, s) : representScalar(Tag.STR, s, style);
      };
      representers.put(String.class, strings);
    }

    @Override
    protected Node representScalar(Tag tag, String value) {
      return super.representScalar(tag, value);
    }
  }
}
