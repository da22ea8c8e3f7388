package dev.portolan.catalog.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JavaScript semantics on JSON values, as Backstage applies them to descriptors and templates.
 */
public final class JsonValues {

  private JsonValues() {}

  /**
   * JavaScript truthiness of a JSON value.
   *
   * @param value the value; {@code null} and a missing node stand for {@code undefined}
   * @return false for undefined, null, false, 0, NaN and the empty string; true otherwise (objects and
   *     arrays, even empty ones, are truthy in JavaScript)
   */
  public static boolean truthy(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      double d = value.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    if (value.isTextual()) {
      return !value.textValue().isEmpty();
    }
    return true;
  }
}
