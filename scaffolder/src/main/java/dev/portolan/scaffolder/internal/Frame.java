package dev.portolan.scaffolder.internal;

import java.util.HashMap;
import java.util.Map;

/** A runtime variable scope, with nunjucks' write-resolution rules. */
final class Frame {

  private final Map<String, Object> vars = new HashMap<>();
  final Frame parent;
  private final boolean isolateWrites;
  boolean topLevel;

  Frame(Frame parent, boolean isolateWrites) {
    this.parent = parent;
    this.isolateWrites = isolateWrites;
  }

  Frame push(boolean isolate) {
    return new Frame(this, isolate);
  }

  void set(String name, Object value) {
    vars.put(name, value);
  }

  void set(String name, Object value, boolean resolveUp) {
    if (resolveUp) {
      Frame f = resolve(name, true);
      if (f != null) {
        f.vars.put(name, value);
        return;
      }
    }
    vars.put(name, value);
  }

  Object lookup(String name) {
    Object v = vars.get(name);
    if (v != null && v != Js.UNDEF) {
      return v;
    }
    return parent == null ? null : parent.lookup(name);
  }

  private Frame resolve(String name, boolean forWrite) {
    Object v = vars.get(name);
    if (v != null && v != Js.UNDEF) {
      return this;
    }
    Frame p = forWrite && isolateWrites ? null : parent;
    return p == null ? null : p.resolve(name, false);
  }
}
