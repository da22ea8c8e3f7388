package dev.portolan.scaffolder.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The Python list and dict methods of nunjucks' jinja compatibility (cookiecutter templates): they work on
 * the rendering's own copies of the data. As in nunjucks, a dict method shadows a key of the same name.
 */
final class PythonMethods {

  private PythonMethods() {}

  static JsFunction method(Object target, String name) {
    if (target instanceof JsArray a) {
      return list(a, name);
    }
    if (target instanceof JsObject o) {
      return dict(o, name);
    }
    return null;
  }

  private static Object arg(List<Object> args, int i) {
    return Builtins.a(args, i);
  }

  private static int indexOf(JsArray a, Object x) {
    for (int i = 0; i < a.size(); i++) {
      if (Js.strictEq(a.items.get(i), x)) {
        return i;
      }
    }
    return -1;
  }

  private static JsFunction list(JsArray a, String name) {
    return switch (name) {
      case "append" -> (in, args) -> {
        in.tick();
        a.add(arg(args, 0));
        return (double) a.size();
      };
      case "insert" -> (in, args) -> {
        int i = Builtins.clampIndex(arg(args, 0), a.size());
        a.items.add(i, arg(args, 1));
        return Js.UNDEF;
      };
      case "pop" -> (in, args) -> {
        if (a.size() == 0) {
          throw new JsError("pop from empty list");
        }
        Object idx = arg(args, 0);
        int i = idx == Js.UNDEF ? a.size() - 1 : (int) Js.toInteger(idx);
        if (i < 0) {
          i += a.size();
        }
        if (i < 0 || i >= a.size()) {
          throw new JsError("pop index out of range");
        }
        return a.items.remove(i);
      };
      case "count" -> (in, args) -> {
        double n = 0;
        for (Object o : a.items) {
          if (Js.strictEq(o, arg(args, 0))) {
            n++;
          }
        }
        return n;
      };
      case "index" -> (in, args) -> {
        int i = indexOf(a, arg(args, 0));
        if (i < 0) {
          throw new JsError("list.index(x): x not in list");
        }
        return (double) i;
      };
      case "remove" -> (in, args) -> {
        int i = indexOf(a, arg(args, 0));
        if (i < 0) {
          throw new JsError("list.remove(x): x not in list");
        }
        a.items.remove(i);
        return Js.UNDEF;
      };
      default -> null;
    };
  }

  /** A dict's [key, value] pairs in key order, as items() gives them in both method modes. */
  static JsArray pairs(JsObject o) {
    JsArray r = new JsArray();
    for (String k : o.keys()) {
      JsArray p = new JsArray();
      p.add(k);
      p.add(o.get(k));
      r.add(p);
    }
    return r;
  }

  /** A dict's values in key order, as values() gives them in both method modes. */
  static JsArray values(JsObject o) {
    JsArray r = new JsArray();
    for (String k : o.keys()) {
      r.add(o.get(k));
    }
    return r;
  }

  private static JsFunction dict(JsObject o, String name) {
    return switch (name) {
      case "items", "iteritems" -> (in, args) -> pairs(o);
      case "keys", "iterkeys" -> (in, args) -> new JsArray(new ArrayList<>(o.keys()));
      case "values", "itervalues" -> (in, args) -> values(o);
      case "get" -> (in, args) -> {
        String k = Js.propertyKey(arg(args, 0));
        if (o.has(k)) {
          return o.get(k);
        }
        Object def = arg(args, 1);
        return def == Js.UNDEF ? Js.NULL : def;
      };
      case "has_key" -> (in, args) -> o.has(Js.propertyKey(arg(args, 0)));
      case "pop" -> (in, args) -> {
        String k = Js.propertyKey(arg(args, 0));
        if (o.has(k)) {
          Object v = o.get(k);
          o.remove(k);
          return v;
        }
        Object def = arg(args, 1);
        if (def == Js.UNDEF) {
          throw new JsError("KeyError: " + k);
        }
        return def;
      };
      case "setdefault" -> (in, args) -> {
        String k = Js.propertyKey(arg(args, 0));
        if (!o.has(k)) {
          Object def = arg(args, 1);
          o.put(k, def == Js.UNDEF ? Js.NULL : def);
        }
        return o.get(k);
      };
      case "update" -> (in, args) -> {
        Object other = arg(args, 0);
        if (other instanceof JsObject src) {
          for (String k : src.keys()) {
            o.put(k, src.get(k));
          }
        }
        return Js.UNDEF;
      };
      default -> null;
    };
  }
}
