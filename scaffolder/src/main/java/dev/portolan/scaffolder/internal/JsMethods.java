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

  /** The Number methods scaffolder-backend 4.x (Nunjitsu 0.7.0) lets templates call. */
  private static final java.util.Set<String> CURRENT_NUMBER = java.util.Set.of("toExponential", "toFixed",
      "toPrecision", "toString");

  private JsMethods() {}

  /**
   * Returns a method current Backstage also lets templates call (its renderer's fixed list), else null.
   *
   * @param target the receiver
   * @param name the method name
   * @return the method, or null
   */
  static JsFunction currentMethod(Object target, String name) {
    boolean string = target instanceof String || target instanceof SafeStr;
    boolean allowed = string ? CURRENT_STRING.contains(name)
        : target instanceof Double ? CURRENT_NUMBER.contains(name)
        : target instanceof JsArray && CURRENT_ARRAY.contains(name);
    JsFunction f = allowed ? method(target, name) : null;
    if (f == null) {
      return null;
    }
    int[] arity = string ? stringArity(name) : target instanceof Double ? new int[] {0, 1} : arrayArity(name);
    return (in, a) -> {
      int n = a.size();
      if (n > 0 && a.get(n - 1) instanceof JsObject o && o.get("__keywords") != Js.UNDEF) {
        throw new JsError("Template intrinsic " + name + " does not accept keyword arguments");
      }
      if (n < arity[0] || n > arity[1]) {
        String range = arity[0] == arity[1] ? String.valueOf(arity[0])
            : arity[1] == Integer.MAX_VALUE ? "at least " + arity[0] : arity[0] + " to " + arity[1];
        throw new JsError("Template intrinsic " + name + " requires " + range + " positional arguments, found " + n);
      }
      return f.call(in, a);
    };
  }

  /** How many arguments current Backstage lets a template pass to a String method: {minimum, maximum}. */
  private static int[] stringArity(String name) {
    return switch (name) {
      case "replace" -> new int[] {2, 2};
      case "split" -> new int[] {0, 2};
      case "includes", "startsWith", "endsWith", "indexOf", "lastIndexOf" -> new int[] {1, 2};
      case "slice", "substring" -> new int[] {0, 2};
      case "charAt", "charCodeAt" -> new int[] {0, 1};
      case "concat" -> new int[] {0, Integer.MAX_VALUE};
      default -> new int[] {0, 0};
    };
  }

  /** How many arguments current Backstage lets a template pass to an Array method: {minimum, maximum}. */
  private static int[] arrayArity(String name) {
    return switch (name) {
      case "at" -> new int[] {1, 1};
      case "includes", "indexOf", "lastIndexOf" -> new int[] {1, 2};
      case "copyWithin", "fill" -> new int[] {1, 3};
      case "flat", "join" -> new int[] {0, 1};
      case "slice" -> new int[] {0, 2};
      case "pop", "shift", "sort", "reverse" -> new int[] {0, 0};
      default -> new int[] {0, Integer.MAX_VALUE};
    };
  }

  static JsFunction method(Object target, String name) {
    if (target instanceof String || target instanceof SafeStr) {
      String s = Js.toStr(target);
      return stringMethod(s, name);
    }
    if (target instanceof JsArray a) {
      return arrayMethod(a, name);
    }
    if (target instanceof Double d) {
      return numberMethod(d, name);
    }
    return null;
  }

  private static JsFunction numberMethod(double x, String name) {
    return switch (name) {
      case "toFixed" -> (in, a) -> JsNumbers.toFixed(x, arg(a, 0));
      case "toPrecision" -> (in, a) -> JsNumbers.toPrecision(x, arg(a, 0));
      case "toExponential" -> (in, a) -> JsNumbers.toExponential(x, arg(a, 0));
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

  private static JsFunction stringMethod(String s, String name) {
    return switch (name) {
      case "toLowerCase", "toLocaleLowerCase" -> (in, a) -> s.toLowerCase(Locale.ROOT);
      case "toUpperCase", "toLocaleUpperCase" -> (in, a) -> s.toUpperCase(Locale.ROOT);
      case "trim" -> (in, a) -> Js.trim(s);
      case "trimStart" -> (in, a) -> Js.trimStart(s);
      case "trimEnd" -> (in, a) -> Js.trimEnd(s);
      case "startsWith" -> (in, a) -> s.startsWith(Js.toStr(arg(a, 0)), relIndex(arg(a, 1), s.length(), 0));
      case "endsWith" -> (in, a) -> s.substring(0, relIndex(arg(a, 1), s.length(), s.length()))
          .endsWith(Js.toStr(arg(a, 0)));
      case "includes" -> (in, a) -> s.indexOf(Js.toStr(arg(a, 0)), relIndex(arg(a, 1), s.length(), 0)) >= 0;
      case "indexOf" -> (in, a) -> (double) s.indexOf(Js.toStr(arg(a, 0)), relIndex(arg(a, 1), s.length(), 0));
      case "lastIndexOf" -> (in, a) -> (double) s.lastIndexOf(Js.toStr(arg(a, 0)));
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
        JsArray r = split(s, arg(a, 0), in);
        if (arg(a, 1) != Js.UNDEF) {
          // the limit is a uint32, as in JavaScript
          double lim = Js.toNumber(arg(a, 1));
          long limit = Double.isFinite(lim) ? ((long) (lim < 0 ? Math.ceil(lim) : Math.floor(lim))) & 0xFFFFFFFFL : 0;
          if (limit < r.size()) {
            r.items.subList((int) limit, r.size()).clear();
          }
        }
        return r;
      };      case "replace" -> (in, a) -> {
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

  private static void flatten(JsArray arr, double depth, JsArray out, Interpreter in) {
    for (Object o : arr.items) {
      in.tick();
      if (depth > 0 && o instanceof JsArray inner) {
        flatten(inner, depth - 1, out, in);
      } else {
        out.add(o);
      }
    }
  }

  private static JsArray split(String s, Object sep, Interpreter in) {
    JsArray r = new JsArray();
    if (sep == Js.UNDEF) {
      r.add(s);
      return r;
    }
    if (sep instanceof JsRegex re) {
      for (String part : re.pattern().split(new Builtins.BudgetedChars(s, in), -1)) {
        r.add(part);
      }
      return r;
    }
    String sp = Js.toStr(sep);
    if (sp.isEmpty()) {
      for (int i = 0; i < s.length(); i++) {
        r.add(String.valueOf(s.charAt(i)));
      }
      return r;
    }
    int from = 0;
    int idx;
    while ((idx = s.indexOf(sp, from)) >= 0) {
      in.tick();
      r.add(s.substring(from, idx));
      from = idx + sp.length();
    }
    r.add(s.substring(from));
    return r;
  }

  private static JsFunction arrayMethod(JsArray arr, String name) {
    return switch (name) {
      case "join" -> (in, a) -> Builtins.join(arr, arg(a, 0) == Js.UNDEF ? "," : Js.toStr(arg(a, 0)), in);
      case "slice" -> (in, a) -> {
        int st = relIndex(arg(a, 0), arr.size(), 0);
        int en = relIndex(arg(a, 1), arr.size(), arr.size());
        return new JsArray(st < en ? arr.items.subList(st, en) : List.of());
      };
      case "includes" -> (in, a) -> {
        Object x = arg(a, 0);
        for (Object o : arr.items) {
          if (Js.strictEq(o, x) || (o instanceof Double d && x instanceof Double e && d.isNaN() && e.isNaN())) {
            return true;
          }
        }
        return false;
      };
      case "indexOf" -> (in, a) -> {
        Object x = arg(a, 0);
        for (int i = 0; i < arr.size(); i++) {
          if (Js.strictEq(arr.items.get(i), x)) {
            return (double) i;
          }
        }
        return -1.0;
      };
      case "at" -> (in, a) -> {
        double i = Js.toInteger(arg(a, 0));
        return arr.get((int) Math.max(-1, i < 0 ? arr.size() + i : Math.min(i, Integer.MAX_VALUE)));
      };
      case "lastIndexOf" -> (in, a) -> {
        Object x = arg(a, 0);
        int n = arr.size();
        double from = arg(a, 1) == Js.UNDEF ? n - 1 : Js.toInteger(arg(a, 1));
        for (int i = (int) Math.min(from < 0 ? n + from : from, n - 1); i >= 0; i--) {
          in.tick();
          if (Js.strictEq(arr.items.get(i), x)) {
            return (double) i;
          }
        }
        return -1.0;
      };
      case "flat" -> (in, a) -> {
        double depth = arg(a, 0) == Js.UNDEF ? 1 : Math.max(0, Js.toInteger(arg(a, 0)));
        JsArray r = new JsArray();
        flatten(arr, depth, r, in);
        return r;
      };
      case "push", "append" -> (in, a) -> {
        in.tick(a.size());
        arr.items.addAll(a);
        return (double) arr.size();
      };
      case "pop" -> (in, a) -> arr.size() == 0 ? Js.UNDEF : arr.items.remove(arr.size() - 1);
      case "shift" -> (in, a) -> arr.size() == 0 ? Js.UNDEF : arr.items.remove(0);
      case "unshift" -> (in, a) -> {
        in.tick(arr.size() + a.size());
        arr.items.addAll(0, a);
        return (double) arr.size();
      };
      case "reverse" -> (in, a) -> {
        in.tick(arr.size());
        java.util.Collections.reverse(arr.items);
        return arr;
      };
      case "sort" -> (in, a) -> {
        in.tick(arr.size());
        List<Object> defined = new java.util.ArrayList<>();
        int undefined = 0;
        for (Object o : arr.items) {
          if (o == Js.UNDEF) {
            undefined++;
          } else {
            defined.add(o);
          }
        }
        defined.sort(java.util.Comparator.comparing(Js::toStr));
        arr.items.clear();
        arr.items.addAll(defined);
        for (int i = 0; i < undefined; i++) {
          arr.items.add(Js.UNDEF);
        }
        return arr;
      };
      case "fill" -> (in, a) -> {
        int n = arr.size();
        int st = relIndex(arg(a, 1), n, 0);
        int en = relIndex(arg(a, 2), n, n);
        for (int i = st; i < en; i++) {
          in.tick();
          arr.items.set(i, arg(a, 0));
        }
        return arr;
      };
      case "copyWithin" -> (in, a) -> {
        int n = arr.size();
        int to = relIndex(arg(a, 0), n, 0);
        int st = relIndex(arg(a, 1), n, 0);
        int en = relIndex(arg(a, 2), n, n);
        int count = Math.min(en - st, n - to);
        if (count > 0) {
          in.tick(count);
          List<Object> copy = new java.util.ArrayList<>(arr.items.subList(st, st + count));
          for (int i = 0; i < count; i++) {
            arr.items.set(to + i, copy.get(i));
          }
        }
        return arr;
      };
      case "splice" -> (in, a) -> {
        int n = arr.size();
        if (arg(a, 0) == Js.UNDEF) {
          return new JsArray();
        }
        int st = relIndex(arg(a, 0), n, 0);
        int del = arg(a, 1) == Js.UNDEF ? n - st
            : (int) Math.min(Math.max(0, Js.toInteger(arg(a, 1))), n - st);
        in.tick(n + a.size());
        List<Object> range = arr.items.subList(st, st + del);
        JsArray removed = new JsArray(range);
        range.clear();
        if (a.size() > 2) {
          arr.items.addAll(st, a.subList(2, a.size()));
        }
        return removed;
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
      default -> null;
    };
  }
}
