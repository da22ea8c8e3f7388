package dev.portolan.scaffolder.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/** Converts between Jackson trees (the public data model) and template values. */
final class Values {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Values() {}

  static Object fromJson(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return Js.UNDEF;
    }
    if (n.isNull()) {
      return Js.NULL;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isArray()) {
      JsArray a = new JsArray();
      for (JsonNode e : n) {
        a.add(fromJson(e));
      }
      return a;
    }
    if (n.isObject()) {
      JsObject o = new JsObject();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        o.put(e.getKey(), fromJson(e.getValue()));
      }
      return o;
    }
    return n.asText();
  }

  static JsonNode toJson(Object v) {
    return toJson(v, new IdentityHashMap<>());
  }

  private static JsonNode toJson(Object v, Map<Object, Boolean> seen) {
    if (v == Js.UNDEF || v instanceof JsFunction) {
      return MissingNode.getInstance();
    }
    if (v == Js.NULL) {
      return F.nullNode();
    }
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return F.nullNode();
      }
      if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
        long l = d.longValue();
        return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
      }
      return F.numberNode(d);
    }
    if (v instanceof String s) {
      return F.textNode(s);
    }
    if (v instanceof SafeStr s) {
      return F.textNode(s.val);
    }
    if (seen.put(v, true) != null) {
      throw new JsError("cannot convert a circular structure to JSON");
    }
    try {
      if (v instanceof JsArray a) {
        ArrayNode arr = F.arrayNode();
        for (Object o : a.items) {
          JsonNode j = toJson(o, seen);
          arr.add(j.isMissingNode() ? F.nullNode() : j);
        }
        return arr;
      }
      ObjectNode obj = F.objectNode();
      if (v instanceof JsRegex) {
        return obj;
      }
      for (String k : Js.keys(v)) {
        JsonNode j = toJson(Js.get(v, k), seen);
        if (!j.isMissingNode()) {
          obj.set(k, j);
        }
      }
      return obj;
    } finally {
      seen.remove(v);
    }
  }
}
