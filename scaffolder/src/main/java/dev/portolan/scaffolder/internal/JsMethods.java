package dev.portolan.scaffolder.internal;

import java.util.List;
import java.util.Locale;

/**
 * A small, data-only set of JavaScript String and Array methods that classic Backstage templates call
 * ({@code .split()}, {@code .slice()}, {@code .replaceAll()}, ...). They work on copies of plain data and
 * never reach a host object.
 */
final class JsMethods {

  /** The String methods scaffolder-backend 4.x (Nunjitsu 0.7.0) lets templates call. */
  private static final java.util.Set<String> CURRENT_STRING = java.util.Set.of("charAt", "charCodeAt", "concat",
      "endsWith", "includes", "indexOf", "lastIndexOf", "replace", "slice", "split", "startsWith", "substring",
      "toLowerCase", "toUpperCase", "trim", "trimEnd", "trimStart");

  /** The Array methods scaffolder-backend 4.x (Nunjitsu 0.7.0) lets templates call. */
  private static final java.util.Set<String> CURRENT_ARRAY = java.util.Set.of("at", "concat", "copyWithin", "fill",
      "flat", "includes", "indexOf", "join", "lastIndexOf", "pop", "push", "reverse", "shift", "slice", "sort",
      "splice", "unshift");

  private JsMethods() {}

  /** The Number methods scaffolder-backend 4.x (Nunjitsu 0.7.0) lets templates call. */
  private static final java.util.Set<String> CURRENT_NUMBER = java.util.Set.of("toExponential", "toFixed",
      "toPrecision", "toString");

  /** The list methods scaffolder-backend 4.x adds for cookiecutterCompat templates. */
  private static final java.util.Set<String> CURRENT_JINJA_ARRAY = java.util.Set.of("append", "count", "find",
      "index", "insert", "remove");

  /** The dict methods scaffolder-backend 4.x adds for cookiecutterCompat templates (when no key is so named). */
  private static final java.util.Set<String> CURRENT_JINJA_RECORD = java.util.Set.of("get", "has_key", "items",
      "keys", "values");

  /**
   * Returns a method current Backstage also lets templates call (its renderer's fixed list, with its argument
   * counts), else null.
   *
   * @param target the receiver
   * @param name the method name
   * @param jinja whether the template is rendered with cookiecutterCompat
   * @return the method, or null
   */
  static JsFunction currentMethod(Object target, String name, boolean jinja) {
    JsFunction m = null;
    if (target instanceof String || target instanceof SafeStr) {
      m = CURRENT_STRING.contains(name) ? method(target, name) : null;
    } else if (target instanceof Double) {
      m = CURRENT_NUMBER.contains(name) ? method(target, name) : null;
    } else if (target instanceof JsArray a) {
      if (jinja && CURRENT_JINJA_ARRAY.contains(name)) {
        m = jinjaArrayMethod(a, name);
      } else if (jinja && name.equals("pop")) {
        m = jinjaPop(a);
      } else if (CURRENT_ARRAY.contains(name)) {
        m = method(target, name);
      }
    } else if (target instanceof JsObject o && jinja && !o.has(name) && CURRENT_JINJA_RECORD.contains(name)) {
      m = jinjaRecordMethod(o, name);
    }
    return m == null ? null : withArity(target, name, jinja, m);
  }

  /** Nunjitsu's argument counts per method (runtimeIntrinsicArity), checked before the call. */
  private static JsFunction withArity(Object target, String name, boolean jinja, JsFunction m) {
    int[] range = arity(target, name, jinja);
    return (in, a) -> {
      if (!a.isEmpty() && a.get(a.size() - 1) instanceof JsObject kw && kw.has("__keywords")) {
        throw new JsError("the method '" + name + "' does not accept keyword arguments");
      }
      if (a.size() < range[0] || a.size() > range[1]) {
        String want = range[0] == range[1] ? String.valueOf(range[0])
            : range[1] == Integer.MAX_VALUE ? "at least " + range[0] : range[0] + " to " + range[1];
        throw new JsError("the method '" + name + "' requires " + want + " positional arguments, found "
            + a.size());
      }
      return m.call(in, a);
    };
  }

  private static int[] arity(Object target, String name, boolean jinja) {
    int any = Integer.MAX_VALUE;
    if (target instanceof String || target instanceof SafeStr) {
      return switch (name) {
        case "replace" -> new int[] {2, 2};
        case "split" -> new int[] {0, 2};
        case "includes", "startsWith", "endsWith", "indexOf", "lastIndexOf" -> new int[] {1, 2};
        case "slice", "substring" -> new int[] {0, 2};
        case "charAt", "charCodeAt" -> new int[] {0, 1};
        case "concat" -> new int[] {0, any};
        default -> new int[] {0, 0};
      };
    }
    if (target instanceof Double) {
      return new int[] {0, 1};
    }
    if (target instanceof JsArray) {
      return switch (name) {
        case "at", "count", "index", "find", "remove", "append" -> new int[] {1, 1};
        case "insert" -> new int[] {2, 2};
        case "includes", "indexOf", "lastIndexOf" -> new int[] {1, 2};
        case "copyWithin", "fill" -> new int[] {1, 3};
        case "flat", "join" -> new int[] {0, 1};
        case "slice" -> new int[] {0, 2};
        case "pop" -> new int[] {0, jinja ? 1 : 0};
        case "shift", "sort", "reverse" -> new int[] {0, 0};
        default -> new int[] {0, any};
      };
    }
    return switch (name) {
      case "get" -> new int[] {1, 2};
      case "has_key" -> new int[] {1, 1};
      default -> new int[] {0, 0};
    };
  }

  static JsFunction method(Object target, String name) {
    if (target instanceof String || target instanceof SafeStr) {
      String s = Js.toStr(target);
      return stringMethod(s, name);
    }
    if (target instanceof Double d) {
      return numberMethod(d, name);
    }
    if (target instanceof JsArray a) {
      return arrayMethod(a, name);
    }
    return null;
  }

  private static JsFunction numberMethod(double x, String name) {
    return switch (name) {
      case "toFixed" -> (in, a) -> JsNumbers.toFixed(x, arg(a, 0));
      case "toExponential" -> (in, a) -> JsNumbers.toExponential(x, arg(a, 0));
      case "toPrecision" -> (in, a) -> JsNumbers.toPrecision(x, arg(a, 0));
      case "toString" -> (in, a) -> JsNumbers.toString(x, arg(a, 0));
      default -> null;
    };
  }

  private static Object arg(List<Object> args, int i) {
    return Builtins.a(args, i);
  }

  private static int relIndex(Object v, int len, int dflt) {
    if (v == Js.UNDEF) {
      return dflt;
    }
    double d = Js.toInteger(v);
    if (d < 0) {
      return (int) Math.max(0, len + d);
    }
    return (int) Math.min(d, len);
  }

  /** A String method's position argument: clamped into [0, len], negative counting as 0. */
  private static int position(Object v, int len, int dflt) {
    return v == Js.UNDEF ? dflt : Builtins.clampIndex(v, len);
  }

  private static JsFunction stringMethod(String s, String name) {
    return switch (name) {
      case "toLowerCase", "toLocaleLowerCase" -> (in, a) -> s.toLowerCase(Locale.ROOT);
      case "toUpperCase", "toLocaleUpperCase" -> (in, a) -> s.toUpperCase(Locale.ROOT);
      case "trim" -> (in, a) -> Js.trim(s);
      case "trimStart" -> (in, a) -> Js.trimStart(s);
      case "trimEnd" -> (in, a) -> Js.trimEnd(s);
      case "startsWith" -> (in, a) -> s.startsWith(Js.toStr(arg(a, 0)), position(arg(a, 1), s.length(), 0));
      case "endsWith" -> (in, a) -> s.substring(0, position(arg(a, 1), s.length(), s.length()))
          .endsWith(Js.toStr(arg(a, 0)));
      case "includes" -> (in, a) -> s.indexOf(Js.toStr(arg(a, 0)), position(arg(a, 1), s.length(), 0)) >= 0;
      case "indexOf" -> (in, a) -> {
        String search = Js.toStr(arg(a, 0));
        int from = position(arg(a, 1), s.length(), 0);
        return search.isEmpty() ? (double) from : (double) s.indexOf(search, from);
      };
      case "lastIndexOf" -> (in, a) -> {
        double pos = arg(a, 1) == Js.UNDEF ? Double.NaN : Js.toNumber(arg(a, 1));
        int from = Double.isNaN(pos) ? s.length() : Builtins.clampIndex(pos, s.length());
        return (double) s.lastIndexOf(Js.toStr(arg(a, 0)), from);
      };
      case "charCodeAt" -> (in, a) -> {
        double i = Js.toInteger(arg(a, 0));
        return i >= 0 && i < s.length() ? (double) s.charAt((int) i) : Double.NaN;
      };
      case "charAt" -> (in, a) -> {
        int i = (int) Js.toInteger(arg(a, 0));
        return i >= 0 && i < s.length() ? String.valueOf(s.charAt(i)) : "";
      };
      case "slice" -> (in, a) -> {
        int st = relIndex(arg(a, 0), s.length(), 0);
        int en = relIndex(arg(a, 1), s.length(), s.length());
        return st < en ? s.substring(st, en) : "";
      };
      case "substring" -> (in, a) -> {
        int st = Builtins.clampIndex(arg(a, 0), s.length());
        int en = arg(a, 1) == Js.UNDEF ? s.length() : Builtins.clampIndex(arg(a, 1), s.length());
        return s.substring(Math.min(st, en), Math.max(st, en));
      };
      case "split" -> (in, a) -> {
        Object sep = arg(a, 0);
        long limit = arg(a, 1) == Js.UNDEF ? 0xFFFFFFFFL : Integer.toUnsignedLong(Js.toInt32(arg(a, 1)));
        JsArray r = new JsArray();
        if (limit == 0) {
          return r;
        }
        if (sep == Js.UNDEF) {
          r.add(s);
          return r;
        }
        if (sep instanceof JsRegex re) {
          for (String part : re.pattern().split(new Builtins.BudgetedChars(s, in), -1)) {
            if (r.size() >= limit) {
              break;
            }
            r.add(part);
          }
          return r;
        }
        String sp = Js.toStr(sep);
        if (sp.isEmpty()) {
          for (int i = 0; i < s.length() && r.size() < limit; i++) {
            r.add(String.valueOf(s.charAt(i)));
          }
          return r;
        }
        int from = 0;
        int idx;
        while ((idx = s.indexOf(sp, from)) >= 0) {
          in.tick();
          r.add(s.substring(from, idx));
          if (r.size() >= limit) {
            return r;
          }
          from = idx + sp.length();
        }
        r.add(s.substring(from));
        return r;
      };
      case "replace" -> (in, a) -> {
        Object pat = arg(a, 0);
        if (pat instanceof JsRegex re) {
          return Builtins.regexReplace(s, re, arg(a, 1), in);
        }
        String p = Js.toStr(pat);
        int i = s.indexOf(p);
        return i < 0 ? s : s.substring(0, i) + Js.toStr(arg(a, 1)) + s.substring(i + p.length());
      };
      case "replaceAll" -> (in, a) -> {
        Object pat = arg(a, 0);
        if (pat instanceof JsRegex re) {
          if (!re.global()) {
            throw new JsError("replaceAll must be called with a global regular expression");
          }
          return Builtins.regexReplace(s, re, arg(a, 1), in);
        }
        String p = Js.toStr(pat);
        String rep = Js.toStr(arg(a, 1));
        if (p.isEmpty()) {
          StringBuilder sb = new StringBuilder(rep);
          for (int i = 0; i < s.length(); i++) {
            sb.append(s.charAt(i)).append(rep);
            in.checkLength(sb.length());
          }
          return sb.toString();
        }
        String r = s.replace(p, rep);
        in.checkLength(r.length());
        return r;
      };
      case "concat" -> (in, a) -> {
        StringBuilder sb = new StringBuilder(s);
        for (Object o : a) {
          sb.append(Js.toStr(o));
        }
        in.checkLength(sb.length());
        return sb.toString();
      };
      case "padStart", "padEnd" -> (in, a) -> {
        double target = Js.toInteger(arg(a, 0));
        in.checkLength((long) Math.min(target, Long.MAX_VALUE));
        String fill = arg(a, 1) == Js.UNDEF ? " " : Js.toStr(arg(a, 1));
        if (target <= s.length() || fill.isEmpty()) {
          return s;
        }
        StringBuilder pad = new StringBuilder();
        while (pad.length() < target - s.length()) {
          pad.append(fill);
        }
        pad.setLength((int) target - s.length());
        return name.equals("padStart") ? pad + s : s + pad;
      };
      case "repeat" -> (in, a) -> {
        double n = Js.toInteger(arg(a, 0));
        if (n < 0) {
          throw new JsError("invalid count value: " + Js.toStr(arg(a, 0)));
        }
        in.checkLength((long) Math.min(n * s.length(), Long.MAX_VALUE));
        return s.repeat((int) n);
      };
      default -> null;
    };
  }


  /** A relative index (negative counts from the end) clamped into [0, len], as the Array methods read one. */
  private static int relative(Object v, int len, int dflt) {
    return v == Js.UNDEF ? dflt : relIndex(v, len, dflt);
  }

  private static boolean sameValueZero(Object a, Object b) {
    return Js.strictEq(a, b) || (a instanceof Double d && b instanceof Double e && d.isNaN() && e.isNaN());
  }

  private static int indexOf(JsArray arr, Object x, Object from) {
    for (int i = relative(from, arr.size(), 0); i < arr.size(); i++) {
      if (Js.strictEq(arr.items.get(i), x)) {
        return i;
      }
    }
    return -1;
  }

  private static JsFunction arrayMethod(JsArray arr, String name) {
    return switch (name) {
      case "join" -> (in, a) -> Builtins.join(arr, arg(a, 0) == Js.UNDEF ? "," : Js.toStr(arg(a, 0)), in);
      case "slice" -> (in, a) -> {
        int st = relIndex(arg(a, 0), arr.size(), 0);
        int en = relIndex(arg(a, 1), arr.size(), arr.size());
        return new JsArray(st < en ? arr.items.subList(st, en) : List.of());
      };
      case "at" -> (in, a) -> {
        double i = Js.toInteger(arg(a, 0));
        double k = i >= 0 ? i : arr.size() + i;
        return k >= 0 && k < arr.size() ? arr.items.get((int) k) : Js.UNDEF;
      };
      case "includes" -> (in, a) -> {
        for (int i = relative(arg(a, 1), arr.size(), 0); i < arr.size(); i++) {
          if (sameValueZero(arr.items.get(i), arg(a, 0))) {
            return true;
          }
        }
        return false;
      };
      case "indexOf" -> (in, a) -> (double) indexOf(arr, arg(a, 0), arg(a, 1));
      case "lastIndexOf" -> (in, a) -> {
        int len = arr.size();
        double from = a.size() < 2 ? len - 1 : Js.toInteger(arg(a, 1));
        double k = from >= 0 ? Math.min(from, len - 1) : len + from;
        for (int i = (int) k; i >= 0; i--) {
          if (Js.strictEq(arr.items.get(i), arg(a, 0))) {
            return (double) i;
          }
        }
        return -1.0;
      };
      case "concat" -> (in, a) -> {
        JsArray r = new JsArray(arr.items);
        for (Object o : a) {
          if (o instanceof JsArray other) {
            r.items.addAll(other.items);
          } else {
            r.add(o);
          }
          in.tick(r.size());
        }
        return r;
      };
      case "flat" -> (in, a) -> {
        double depth = arg(a, 0) == Js.UNDEF ? 1 : Math.max(0, Js.toInteger(arg(a, 0)));
        JsArray r = new JsArray();
        flatten(r, arr, depth, in, 0);
        return r;
      };
      case "push" -> (in, a) -> {
        in.tick(a.size());
        arr.items.addAll(a);
        return (double) arr.size();
      };
      case "unshift" -> (in, a) -> {
        in.tick(arr.size() + a.size());
        arr.items.addAll(0, a);
        return (double) arr.size();
      };
      case "pop" -> (in, a) -> arr.size() == 0 ? Js.UNDEF : arr.items.remove(arr.size() - 1);
      case "shift" -> (in, a) -> {
        in.tick(arr.size());
        return arr.size() == 0 ? Js.UNDEF : arr.items.remove(0);
      };
      case "splice" -> (in, a) -> {
        int len = arr.size();
        if (a.isEmpty()) {
          return new JsArray();
        }
        int start = relIndex(arg(a, 0), len, 0);
        int count = a.size() < 2 ? len - start
            : (int) Math.min(Math.max(Js.toInteger(arg(a, 1)), 0), len - start);
        in.tick(len + a.size());
        List<Object> range = arr.items.subList(start, start + count);
        JsArray removed = new JsArray(range);
        range.clear();
        if (a.size() > 2) {
          arr.items.addAll(start, a.subList(2, a.size()));
        }
        return removed;
      };
      case "reverse" -> (in, a) -> {
        in.tick(arr.size());
        java.util.Collections.reverse(arr.items);
        return arr;
      };
      case "fill" -> (in, a) -> {
        int len = arr.size();
        int st = relative(arg(a, 1), len, 0);
        int en = relative(arg(a, 2), len, len);
        in.tick(len);
        for (int i = st; i < en; i++) {
          arr.items.set(i, arg(a, 0));
        }
        return arr;
      };
      case "copyWithin" -> (in, a) -> {
        int len = arr.size();
        int to = relIndex(arg(a, 0), len, 0);
        int from = relative(arg(a, 1), len, 0);
        int end = relative(arg(a, 2), len, len);
        int count = Math.min(end - from, len - to);
        in.tick(len);
        if (count > 0) {
          List<Object> copy = new java.util.ArrayList<>(arr.items.subList(from, from + count));
          for (int i = 0; i < count; i++) {
            arr.items.set(to + i, copy.get(i));
          }
        }
        return arr;
      };
      case "sort" -> (in, a) -> {
        Object cmp = arg(a, 0);
        if (cmp != Js.UNDEF && !(cmp instanceof JsFunction)) {
          throw new JsError("the comparison function of sort must be a function, found " + Js.typeOf(cmp));
        }
        sort(arr, cmp instanceof JsFunction f ? f : null, in);
        return arr;
      };
      default -> null;
    };
  }

  private static void flatten(JsArray out, JsArray from, double depth, Interpreter in, int nesting) {
    if (nesting > 1000) {
      throw new JsError("flat: arrays nested too deeply");
    }
    for (Object o : from.items) {
      in.tick();
      if (depth > 0 && o instanceof JsArray inner) {
        flatten(out, inner, depth - 1, in, nesting + 1);
      } else {
        out.add(o);
      }
    }
  }

  /**
   * Array.prototype.sort: stable; undefined values last; without a comparison function the others ordered by
   * their string forms (UTF-16 code units), with one by the sign of what it returns. A merge sort, so an
   * inconsistent comparison function gives some order rather than an error.
   */
  private static void sort(JsArray arr, JsFunction cmp, Interpreter in) {
    List<Object> defined = new java.util.ArrayList<>();
    int undefinedCount = 0;
    for (Object o : arr.items) {
      if (o == Js.UNDEF) {
        undefinedCount++;
      } else {
        defined.add(o);
      }
    }
    Object[] items = defined.toArray();
    Object[] keys = new Object[items.length];
    for (int i = 0; i < items.length; i++) {
      keys[i] = cmp == null ? Js.toStr(items[i]) : items[i];
    }
    Integer[] order = new Integer[items.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Integer[] buf = new Integer[items.length];
    mergeSort(order, buf, 0, order.length, (x, y) -> {
      in.tick();
      if (cmp == null) {
        return ((String) keys[x]).compareTo((String) keys[y]);
      }
      List<Object> args = new java.util.ArrayList<>(2);
      args.add(keys[x]);
      args.add(keys[y]);
      double r = Js.toNumber(cmp.call(in, args));
      return r > 0 ? 1 : r < 0 ? -1 : 0;
    });
    arr.items.clear();
    for (Integer i : order) {
      arr.items.add(items[i]);
    }
    for (int i = 0; i < undefinedCount; i++) {
      arr.items.add(Js.UNDEF);
    }
  }

  private static void mergeSort(Integer[] a, Integer[] buf, int lo, int hi,
      java.util.function.IntBinaryOperator cmp) {
    if (hi - lo < 2) {
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(a, buf, lo, mid, cmp);
    mergeSort(a, buf, mid, hi, cmp);
    int i = lo;
    int j = mid;
    int k = lo;
    while (i < mid && j < hi) {
      buf[k++] = cmp.applyAsInt(a[j], a[i]) < 0 ? a[j++] : a[i++];
    }
    while (i < mid) {
      buf[k++] = a[i++];
    }
    while (j < hi) {
      buf[k++] = a[j++];
    }
    System.arraycopy(buf, lo, a, lo, hi - lo);
  }

  /** The cookiecutterCompat list methods as scaffolder-backend 4.x runs them: JavaScript index semantics. */
  private static JsFunction jinjaArrayMethod(JsArray arr, String name) {
    return switch (name) {
      case "append" -> arrayMethod(arr, "push");
      case "count" -> (in, a) -> {
        double n = 0;
        for (Object o : arr.items) {
          in.tick();
          if (Js.strictEq(o, arg(a, 0))) {
            n++;
          }
        }
        return n;
      };
      case "find", "index" -> (in, a) -> (double) indexOf(arr, arg(a, 0), Js.UNDEF);
      case "insert" -> (in, a) -> {
        in.tick(arr.size());
        arr.items.add(relIndex(arg(a, 0), arr.size(), 0), arg(a, 1));
        return new JsArray();
      };
      case "remove" -> (in, a) -> {
        int i = indexOf(arr, arg(a, 0), Js.UNDEF);
        JsArray removed = new JsArray();
        if (i >= 0) {
          removed.add(arr.items.remove(i));
        }
        return removed;
      };
      default -> null;
    };
  }

  /** pop() as the array method, pop(i) removing the item at an index (negative from the end) if there is one. */
  private static JsFunction jinjaPop(JsArray arr) {
    JsFunction plain = arrayMethod(arr, "pop");
    return (in, a) -> {
      if (arg(a, 0) == Js.UNDEF) {
        return plain.call(in, a);
      }
      double i = Js.toInteger(arg(a, 0));
      double k = i < 0 ? arr.size() + i : i;
      return k >= 0 && k < arr.size() ? arr.items.remove((int) k) : Js.UNDEF;
    };
  }

  private static JsFunction jinjaRecordMethod(JsObject o, String name) {
    return switch (name) {
      case "get" -> (in, a) -> {
        String k = Js.toStr(arg(a, 0));
        return o.has(k) ? o.get(k) : arg(a, 1);
      };
      case "has_key" -> (in, a) -> o.has(Js.toStr(arg(a, 0)));
      case "keys" -> (in, a) -> new JsArray(new java.util.ArrayList<>(o.keys()));
      case "values" -> (in, a) -> PythonMethods.values(o);
      case "items" -> (in, a) -> PythonMethods.pairs(o);
      default -> null;
    };
  }
}
