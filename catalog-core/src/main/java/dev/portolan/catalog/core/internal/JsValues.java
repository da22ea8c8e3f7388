package dev.portolan.catalog.core.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** JavaScript value semantics Backstage's code relies on. */
public final class JsValues {

  private JsValues() {}

  /**
   * JavaScript truthiness of a JSON value.
   *
   * @param v the value
   * @return false for null, false, 0, NaN and the empty string
   */
  public static boolean truthy(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNumber()) {
      double d = v.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    if (v.isTextual()) {
      return !v.textValue().isEmpty();
    }
    return true;
  }
}
