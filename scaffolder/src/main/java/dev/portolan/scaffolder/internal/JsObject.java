package dev.portolan.scaffolder.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template record value. Keys iterate in JavaScript's own-property order: array-index keys ascending,
 * then the other keys in insertion order.
 */
final class JsObject {

  private final Map<String, Object> map = new LinkedHashMap<>();

  boolean has(String k) {
    return map.containsKey(k);
  }

  Object get(String k) {
    Object v = map.get(k);
    return v == null ? Js.UNDEF : v;
  }

  void put(String k, Object v) {
    map.put(k, v);
  }

  void remove(String k) {
    map.remove(k);
  }

  int size() {
    return map.size();
  }

  List<String> keys() {
    List<String> idx = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String k : map.keySet()) {
      if (isArrayIndex(k)) {
        idx.add(k);
      } else {
        rest.add(k);
      }
    }
    if (!idx.isEmpty()) {
      idx.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
      idx.addAll(rest);
      return idx;
    }
    return rest;
  }

  static boolean isArrayIndex(String k) {
    int n = k.length();
    if (n == 0 || n > 10) {
      return false;
    }
    if (n > 1 && k.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = k.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return Long.parseLong(k) < 4294967295L;
  }
}
