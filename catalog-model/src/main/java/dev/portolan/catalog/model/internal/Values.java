package dev.portolan.catalog.model.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Describes JSON values in messages. */
final class Values {

  private static final int MAX_SHOWN = 80;

  private Values() {}

  /** A short description of a value for "found ..." in messages. */
  static String describe(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "nothing";
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      String t = v.textValue();
      String shown = t.length() > MAX_SHOWN ? t.substring(0, MAX_SHOWN) + "..." : t;
      return "the string \"" + shown.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    if (v.isBoolean()) {
      return "the boolean " + v.booleanValue();
    }
    if (v.isNumber()) {
      return "the number " + Pipeline.jsString(v);
    }
    if (v.isArray()) {
      return v.isEmpty() ? "an empty list" : "a list of " + v.size();
    }
    return v.isEmpty() ? "an empty object" : "an object";
  }
}
