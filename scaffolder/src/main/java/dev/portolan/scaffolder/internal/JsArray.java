package dev.portolan.scaffolder.internal;

import java.util.ArrayList;
import java.util.List;

/** A template array value; identity matters ({@code ===} compares references, as in JavaScript). */
final class JsArray {

  final List<Object> items;

  JsArray() {
    this.items = new ArrayList<>();
  }

  JsArray(List<Object> items) {
    this.items = new ArrayList<>(items);
  }

  int size() {
    return items.size();
  }

  Object get(int i) {
    return i >= 0 && i < items.size() ? items.get(i) : Js.UNDEF;
  }

  void add(Object o) {
    items.add(o);
  }
}
