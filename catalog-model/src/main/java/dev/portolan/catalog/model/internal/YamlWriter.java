package dev.portolan.catalog.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Writes JSON values as block-style YAML 1.2 that {@link YamlReader} reads back to the same value: strings
 * that would resolve to another type under the core schema ({@code "0755"}, {@code "true"}, {@code "~"})
 * are quoted.
 */
public final class YamlWriter {

  private static final DumpSettings SETTINGS = DumpSettings.builder()
      .setSchema(new CoreSchema())
      .setDefaultFlowStyle(FlowStyle.BLOCK)
      .setWidth(Integer.MAX_VALUE)
      .setSplitLines(false)
      .setIndent(2)
      .setIndicatorIndent(2)
      .setIndentWithIndicator(true)
      .build();

  private YamlWriter() {}

  /**
   * Writes one value as a YAML document.
   *
   * @param value the JSON value
   * @return the YAML text
   */
  public static String write(JsonNode value) {
    return new Dump(SETTINGS).dumpToString(toJava(value));
  }

  private static Object toJava(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      n.fields().forEachRemaining(e -> m.put(e.getKey(), toJava(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>(n.size());
      n.forEach(i -> l.add(toJava(i)));
      return l;
    }
    if (n.isTextual()) {
      return n.textValue();
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
    return null;
  }
}
