package dev.portolan.scaffolder.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntBiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** nunjucks 3.2.4's built-in filters, tests and globals, with JavaScript value semantics. */
final class Builtins {

  private Builtins() {}

  static Object a(List<Object> args, int i) {
    return i < args.size() ? args.get(i) : Js.UNDEF;
  }

  static Object normalize(Object v, Object def) {
    return v == Js.UNDEF || v == Js.NULL || Boolean.FALSE.equals(v) ? def : v;
  }

  static String str(Object v, String what) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof SafeStr s) {
      return s.val;
    }
    throw new JsError(what + ": expected a string, found " + Js.typeOf(v) + " " + Js.toStr(v));
  }

  static Object copySafeness(Object dest, Object target) {
    if (Js.isNullish(target)) {
      // nunjucks calls target.toString()
      throw new JsError("Cannot read properties of " + (target == Js.UNDEF ? "undefined" : "null") + " (reading 'toString')");
    }
    if (dest instanceof SafeStr) {
      return target instanceof SafeStr ? target : new SafeStr(Js.toStr(target));
    }
    return Js.toStr(target);
  }

  static boolean isKeywords(Object o) {
    return o instanceof JsObject j && j.has("__keywords");
  }

  /** nunjucks' makeMacro argument binding: keyword arguments arrive as a trailing record. */
  static List<Object> bindMacroArgs(List<String> argNames, List<String> kwargNames, List<Object> macroArgs) {
    int n = macroArgs.size();
    boolean hasKw = n > 0 && isKeywords(macroArgs.get(n - 1));
    int argCount = hasKw ? n - 1 : n;
    JsObject kwargs = hasKw ? (JsObject) macroArgs.get(n - 1) : new JsObject();
    List<Object> args;
    if (argCount > argNames.size()) {
      args = new ArrayList<>(macroArgs.subList(0, argNames.size()));
      List<Object> extra = macroArgs.subList(argNames.size(), argCount);
      for (int i = 0; i < extra.size(); i++) {
        if (i < kwargNames.size()) {
          kwargs.put(kwargNames.get(i), extra.get(i));
        }
      }
      args.add(kwargs);
    } else if (argCount < argNames.size()) {
      args = new ArrayList<>(macroArgs.subList(0, argCount));
      for (int i = argCount; i < argNames.size(); i++) {
        String arg = argNames.get(i);
        args.add(kwargs.get(arg));
        kwargs.remove(arg);
      }
      args.add(kwargs);
    } else {
      args = new ArrayList<>(macroArgs);
    }
    return args;
  }

  static JsFunction macro(List<String> argNames, JsFunction body) {
    return (in, args) -> body.call(in, bindMacroArgs(argNames, List.of(), args));
  }

  // ---------------------------------------------------------------- helpers with JS semantics

  static String repeat(String ch, Object n, Interpreter in) {
    StringBuilder sb = new StringBuilder();
    for (double i = 0; Js.compare("<", i, n); i++) {
      in.tick();
      in.checkLength(sb.length() + 1L);
      sb.append(ch);
    }
    return sb.toString();
  }

  /** lib.map: an array copy of an array-like value. */
  static JsArray map(Object obj, Interpreter in, java.util.function.Function<Object, Object> fn) {
    JsArray r = new JsArray();
    if (Js.isNullish(obj)) {
      return r;
    }
    if (obj instanceof JsArray a) {
      for (Object o : a.items) {
        in.tick();
        r.add(fn.apply(o));
      }
      return r;
    }
    Object len = Js.length(obj);
    for (double i = 0; Js.compare("<", i, len); i++) {
      in.tick();
      r.add(fn.apply(Js.get(obj, i)));
    }
    if (len instanceof Double d && d >= r.size() && d == Math.floor(d)) {
      while (r.size() < d) {
        in.tick();
        r.add(Js.UNDEF);
      }
    }
    return r;
  }

  /** Array.prototype.slice.call(obj): ToLength(obj.length) elements. */
  static JsArray toArray(Object obj, Interpreter in) {
    if (Js.isNullish(obj)) {
      throw new JsError("cannot convert " + obj + " to an array");
    }
    if (obj instanceof JsArray a) {
      return new JsArray(a.items);
    }
    double len = Js.toInteger(Js.length(obj));
    JsArray r = new JsArray();
    for (double i = 0; i < len; i++) {
      in.tick();
      r.add(Js.get(obj, i));
    }
    return r;
  }

  static JsArray requireArray(Object obj, String what) {
    if (obj instanceof JsArray a) {
      return a;
    }
    throw new JsError(what + ": expected an array, found " + Js.typeOf(obj) + " " + Js.toStr(obj));
  }

  static List<Object> attrParts(Object attr) {
    if (!Js.truthy(attr)) {
      return List.of();
    }
    if (attr instanceof String s) {
      return new ArrayList<>(List.of((Object[]) s.split("\\.", -1)));
    }
    return List.of(attr);
  }

  static Object attrGet(Object item, List<Object> parts) {
    Object cur = item;
    for (Object p : parts) {
      if (!Js.isNullish(cur) && Js.hasOwn(cur, Js.propertyKey(p))) {
        cur = Js.get(cur, p);
      } else {
        return Js.UNDEF;
      }
    }
    return cur;
  }

  static void stableSort(List<Object> list, ToIntBiFunction<Object, Object> cmp, Interpreter in) {
    if (list.size() < 2) {
      return;
    }
    Object[] arr = list.toArray();
    Object[] tmp = new Object[arr.length];
    mergeSort(arr, tmp, 0, arr.length, cmp, in);
    for (int i = 0; i < arr.length; i++) {
      list.set(i, arr[i]);
    }
  }

  private static void mergeSort(Object[] a, Object[] t, int lo, int hi, ToIntBiFunction<Object, Object> cmp,
      Interpreter in) {
    if (hi - lo < 2) {
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(a, t, lo, mid, cmp, in);
    mergeSort(a, t, mid, hi, cmp, in);
    int i = lo;
    int j = mid;
    int k = lo;
    while (i < mid && j < hi) {
      in.tick();
      if (cmp.applyAsInt(a[j], a[i]) < 0) {
        t[k++] = a[j++];
      } else {
        t[k++] = a[i++];
      }
    }
    while (i < mid) {
      t[k++] = a[i++];
    }
    while (j < hi) {
      t[k++] = a[j++];
    }
    System.arraycopy(t, lo, a, lo, hi - lo);
  }

  static String escapeHtml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String encodeUriComponent(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.!~*'()".indexOf(c) >= 0) {
        sb.append(c);
        continue;
      }
      int cp;
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          cp = Character.toCodePoint(c, s.charAt(++i));
        } else {
          throw new JsError("URI malformed");
        }
      } else if (Character.isLowSurrogate(c)) {
        throw new JsError("URI malformed");
      } else {
        cp = c;
      }
      for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
        sb.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return sb.toString();
  }

  static double jsRound(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    double f = Math.floor(x);
    return x - f >= 0.5 ? f + 1 : f;
  }

  static int clampIndex(Object v, int len) {
    double d = Js.toInteger(v);
    if (d < 0) {
      return 0;
    }
    return d > len ? len : (int) d;
  }

  // ---------------------------------------------------------------- JS String.prototype.replace with a regex

  static String regexReplace(String s, JsRegex re, Object replacement, Interpreter in) {
    Matcher m = re.pattern().matcher(new BudgetedChars(s, in));
    StringBuilder sb = new StringBuilder();
    String rep = Js.toStr(replacement);
    int last = 0;
    int from = 0;
    while (from <= s.length() && m.find(from)) {
      in.tick();
      sb.append(s, last, m.start());
      sb.append(expandReplacement(rep, m, s));
      in.checkLength(sb.length());
      last = m.end();
      if (!re.global()) {
        break;
      }
      from = m.end() == m.start() ? m.end() + 1 : m.end();
    }
    sb.append(s, last, s.length());
    return sb.toString();
  }

  private static String expandReplacement(String rep, Matcher m, String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rep.length(); i++) {
      char c = rep.charAt(i);
      if (c != '$' || i + 1 >= rep.length()) {
        sb.append(c);
        continue;
      }
      char n = rep.charAt(i + 1);
      if (n == '$') {
        sb.append('$');
        i++;
      } else if (n == '&') {
        sb.append(m.group());
        i++;
      } else if (n == '`') {
        sb.append(s, 0, m.start());
        i++;
      } else if (n == '\'') {
        sb.append(s, m.end(), s.length());
        i++;
      } else if (n >= '0' && n <= '9') {
        int g = n - '0';
        int used = 1;
        if (i + 2 < rep.length() && Character.isDigit(rep.charAt(i + 2))) {
          int g2 = g * 10 + (rep.charAt(i + 2) - '0');
          if (g2 >= 1 && g2 <= m.groupCount()) {
            g = g2;
            used = 2;
          }
        }
        if (g >= 1 && g <= m.groupCount()) {
          String grp = m.group(g);
          sb.append(grp == null ? "" : grp);
          i += used;
        } else {
          sb.append(c);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A CharSequence that charges the render budget, so a pathological regex cannot run forever. */
  static final class BudgetedChars implements CharSequence {
    private final String s;
    private final Interpreter in;

    BudgetedChars(String s, Interpreter in) {
      this.s = s;
      this.in = in;
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public char charAt(int index) {
      in.tick();
      return s.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return s.subSequence(start, end);
    }

    @Override
    public String toString() {
      return s;
    }
  }

  // ---------------------------------------------------------------- tables

  static Map<String, JsFunction> filters() {
    Map<String, JsFunction> f = new HashMap<>();
    f.put("abs", (in, a) -> Math.abs(Js.toNumber(a(a, 0))));
    f.put("batch", (in, args) -> {
      Object arr = a(args, 0);
      Object linecount = a(args, 1);
      Object fill = a(args, 2);
      JsArray res = new JsArray();
      JsArray tmp = new JsArray();
      Object len = Js.length(arr);
      for (double i = 0; Js.compare("<", i, len); i++) {
        in.tick();
        if (i % Js.toNumber(linecount) == 0 && tmp.size() > 0) {
          res.add(tmp);
          tmp = new JsArray();
        }
        tmp.add(Js.get(arr, i));
      }
      if (tmp.size() > 0) {
        if (Js.truthy(fill)) {
          for (double i = tmp.size(); Js.compare("<", i, linecount); i++) {
            in.tick();
            tmp.add(fill);
          }
        }
        res.add(tmp);
      }
      return res;
    });
    f.put("capitalize", (in, args) -> {
      Object s = normalize(a(args, 0), "");
      String low = str(s, "capitalize").toLowerCase(Locale.ROOT);
      return copySafeness(s, low.isEmpty() ? "" : low.substring(0, 1).toUpperCase(Locale.ROOT) + low.substring(1));
    });
    f.put("center", (in, args) -> {
      Object s = normalize(a(args, 0), "");
      Object width = a(args, 1);
      if (!Js.truthy(width)) {
        width = 80.0;
      }
      Object len = Js.length(s);
      if (Js.compare(">=", len, width)) {
        return s;
      }
      double spaces = Js.toNumber(width) - Js.toNumber(len);
      String pre = repeat(" ", spaces / 2 - spaces % 2, in);
      String post = repeat(" ", spaces / 2, in);
      return copySafeness(s, Js.add(Js.add(pre, s), post));
    });
    JsFunction def = (in, args) -> {
      Object val = a(args, 0);
      Object d = a(args, 1);
      if (Js.truthy(a(args, 2))) {
        return Js.truthy(val) ? val : d;
      }
      return val != Js.UNDEF ? val : d;
    };
    f.put("default", def);
    f.put("d", def);
    f.put("dictsort", (in, args) -> {
      Object val = a(args, 0);
      if (!Js.isRecord(val)) {
        throw new JsError("dictsort: expected an object");
      }
      boolean caseSensitive = Js.truthy(a(args, 1));
      Object by = a(args, 2);
      int si;
      if (by == Js.UNDEF || Js.strictEq(by, "key")) {
        si = 0;
      } else if (Js.strictEq(by, "value")) {
        si = 1;
      } else {
        throw new JsError("dictsort: you can only sort by either key or value");
      }
      List<Object> pairs = new ArrayList<>();
      for (String k : Js.keys(val)) {
        JsArray p = new JsArray();
        p.add(k);
        p.add(Js.get(val, k));
        pairs.add(p);
      }
      stableSort(pairs, (t1, t2) -> {
        Object x = ((JsArray) t1).get(si);
        Object y = ((JsArray) t2).get(si);
        if (!caseSensitive) {
          if (x instanceof String s) {
            x = s.toUpperCase(Locale.ROOT);
          }
          if (y instanceof String s) {
            y = s.toUpperCase(Locale.ROOT);
          }
        }
        return Js.compare(">", x, y) ? 1 : Js.strictEq(x, y) ? 0 : -1;
      }, in);
      return new JsArray(pairs);
    });
    f.put("dump", (in, args) -> {
      String s = Js.stringify(a(args, 0), a(args, 1));
      return s == null ? Js.UNDEF : s;
    });
    JsFunction escape = (in, args) -> {
      Object s = a(args, 0);
      if (s instanceof SafeStr) {
        return s;
      }
      return new SafeStr(escapeHtml(Js.output(s)));
    };
    f.put("escape", escape);
    f.put("e", escape);
    f.put("forceescape", (in, args) -> new SafeStr(escapeHtml(Js.output(a(args, 0)))));
    f.put("safe", (in, args) -> {
      Object s = a(args, 0);
      if (s instanceof SafeStr) {
        return s;
      }
      return new SafeStr(Js.output(s));
    });
    f.put("first", (in, args) -> Js.get(a(args, 0), 0.0));
    f.put("last", (in, args) -> {
      Object arr = a(args, 0);
      return Js.get(arr, Js.toNumber(Js.length(arr)) - 1);
    });
    f.put("groupby", (in, args) -> {
      Object arr = a(args, 0);
      List<Object> parts = attrParts(a(args, 1));
      JsObject result = new JsObject();
      Object len = Js.length(arr);
      for (double i = 0; Js.compare("<", i, len); i++) {
        in.tick();
        Object v = Js.get(arr, i);
        String key = Js.propertyKey(attrGet(v, parts));
        Object bucket = result.get(key);
        if (!(bucket instanceof JsArray)) {
          bucket = new JsArray();
          result.put(key, bucket);
        }
        ((JsArray) bucket).add(v);
      }
      return result;
    });
    f.put("indent", (in, args) -> {
      Object s = normalize(a(args, 0), "");
      if (Js.strictEq(s, "")) {
        return "";
      }
      Object width = a(args, 1);
      if (!Js.truthy(width)) {
        width = 4.0;
      }
      boolean first = Js.truthy(a(args, 2));
      String[] lines = str(s, "indent").split("\n", -1);
      String sp = repeat(" ", width, in);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < lines.length; i++) {
        in.tick();
        if (i > 0) {
          sb.append('\n');
        }
        if (i > 0 || first) {
          sb.append(sp);
        }
        sb.append(lines[i]);
        in.checkLength(sb.length());
      }
      return copySafeness(s, sb.toString());
    });
    f.put("join", (in, args) -> {
      Object arr = a(args, 0);
      Object del = a(args, 1);
      if (!Js.truthy(del)) {
        del = "";
      }
      Object attr = a(args, 2);
      if (Js.truthy(attr)) {
        Object at = attr;
        arr = map(arr, in, v -> Js.get(v, at));
      }
      return join(requireArray(arr, "join"), Js.toStr(del), in);
    });
    f.put("length", (in, args) -> {
      Object v = normalize(a(args, 0), "");
      if (v instanceof JsObject o) {
        return (double) o.size();
      }
      if (v instanceof Cycler) {
        return 3.0;
      }
      return Js.length(v);
    });
    f.put("list", (in, args) -> list(a(args, 0)));
    f.put("lower", (in, args) -> str(normalize(a(args, 0), ""), "lower").toLowerCase(Locale.ROOT));
    f.put("upper", (in, args) -> str(normalize(a(args, 0), ""), "upper").toUpperCase(Locale.ROOT));
    f.put("nl2br", (in, args) -> {
      Object s = a(args, 0);
      if (Js.isNullish(s)) {
        return "";
      }
      return copySafeness(s, str(s, "nl2br").replaceAll("\r\n|\n", "<br />\n"));
    });
    f.put("random", (in, args) -> {
      Object arr = a(args, 0);
      return Js.get(arr, Math.floor(in.random.nextDouble() * Js.toNumber(Js.length(arr))));
    });
    f.put("select", selectOrReject(true));
    f.put("reject", selectOrReject(false));
    f.put("selectattr", (in, args) -> {
      JsArray arr = requireArray(a(args, 0), "selectattr");
      Object attr = a(args, 1);
      JsArray r = new JsArray();
      for (Object item : arr.items) {
        in.tick();
        if (Js.truthy(Js.get(item, attr))) {
          r.add(item);
        }
      }
      return r;
    });
    f.put("rejectattr", (in, args) -> {
      JsArray arr = requireArray(a(args, 0), "rejectattr");
      Object attr = a(args, 1);
      JsArray r = new JsArray();
      for (Object item : arr.items) {
        in.tick();
        if (!Js.truthy(Js.get(item, attr))) {
          r.add(item);
        }
      }
      return r;
    });
    f.put("replace", Builtins::replace);
    f.put("reverse", (in, args) -> {
      Object val = a(args, 0);
      if (val instanceof String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = s.length() - 1; i >= 0; i--) {
          sb.append(s.charAt(i));
        }
        return sb.toString();
      }
      JsArray arr = map(val, in, v -> v);
      java.util.Collections.reverse(arr.items);
      return arr;
    });
    f.put("round", (in, args) -> {
      Object val = a(args, 0);
      Object precision = a(args, 1);
      if (!Js.truthy(precision)) {
        precision = 0.0;
      }
      Object method = a(args, 2);
      double factor = Js.pow(10, Js.toNumber(precision));
      double x = Js.toNumber(val) * factor;
      double r = Js.strictEq(method, "ceil") ? Math.ceil(x) : Js.strictEq(method, "floor") ? Math.floor(x) : jsRound(x);
      return r / factor;
    });
    f.put("slice", (in, args) -> {
      Object arr = a(args, 0);
      double slices = Js.toNumber(a(args, 1));
      Object fill = a(args, 2);
      double len = Js.toNumber(Js.length(arr));
      double sliceLength = Math.floor(len / slices);
      double extra = len % slices;
      JsArray res = new JsArray();
      double offset = 0;
      for (double i = 0; i < slices; i++) {
        in.tick();
        double start = offset + i * sliceLength;
        if (i < extra) {
          offset++;
        }
        double end = offset + (i + 1) * sliceLength;
        if (arr instanceof String || arr instanceof SafeStr) {
          // String.prototype.slice: the pieces stay strings, and a string cannot take a fill value
          String text = str(arr, "slice");
          if (Js.truthy(fill) && i >= extra) {
            throw new JsError("currSlice.push is not a function");
          }
          int from = (int) Math.max(0, Math.min(start, text.length()));
          res.add(text.substring(from, (int) Math.max(from, Math.min(end, text.length()))));
          continue;
        }
        JsArray cur = sliceOf(arr, start, end, in);
        if (Js.truthy(fill) && i >= extra) {
          cur.add(fill);
        }
        res.add(cur);
      }
      return res;
    });
    f.put("sum", (in, args) -> {
      Object arr = a(args, 0);
      Object attr = a(args, 1);
      Object start = a(args, 2);
      if (start == Js.UNDEF) {
        start = 0.0;
      }
      if (Js.truthy(attr)) {
        arr = map(arr, in, v -> Js.get(v, attr));
      }
      Object acc = 0.0;
      for (Object o : requireArray(arr, "sum").items) {
        in.tick();
        acc = Js.add(acc, o);
      }
      return Js.add(start, acc);
    });
    f.put("sort", macro(List.of("value", "reverse", "case_sensitive", "attribute"), (in, args) -> {
      JsArray arr = map(a(args, 0), in, v -> v);
      boolean reversed = Js.truthy(a(args, 1));
      boolean caseSens = Js.truthy(a(args, 2));
      Object attr = a(args, 3);
      List<Object> parts = attrParts(attr);
      boolean useAttr = Js.truthy(attr);
      stableSort(arr.items, (p, q) -> {
        Object x = useAttr ? attrGet(p, parts) : p;
        Object y = useAttr ? attrGet(q, parts) : q;
        if (!caseSens && x instanceof String xs && y instanceof String ys) {
          x = xs.toLowerCase(Locale.ROOT);
          y = ys.toLowerCase(Locale.ROOT);
        }
        if (Js.compare("<", x, y)) {
          return reversed ? 1 : -1;
        } else if (Js.compare(">", x, y)) {
          return reversed ? -1 : 1;
        }
        return 0;
      }, in);
      return arr;
    }));
    f.put("string", (in, args) -> copySafeness(a(args, 0), a(args, 0)));
    f.put("striptags", (in, args) -> {
      Object input = normalize(a(args, 0), "");
      String s = str(input, "striptags");
      String stripped = Js.trim(s.replaceAll("(?i)</?([a-z][a-z0-9]*)\\b[^>]*>|<!--[\\s\\S]*?-->", ""));
      String res;
      if (Js.truthy(a(args, 1))) {
        res = stripped.replaceAll("(?m)^ +| +$", "").replaceAll(" +", " ").replace("\r\n", "\n")
            .replaceAll("\n\n\n+", "\n\n");
      } else {
        res = stripped.replaceAll("[\\s\\u00A0\\uFEFF\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\u1680]+", " ");
      }
      return copySafeness(input, res);
    });
    f.put("title", (in, args) -> {
      Object s = normalize(a(args, 0), "");
      String[] words = str(s, "title").split(" ", -1);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < words.length; i++) {
        if (i > 0) {
          sb.append(' ');
        }
        String low = words[i].toLowerCase(Locale.ROOT);
        sb.append(low.isEmpty() ? "" : low.substring(0, 1).toUpperCase(Locale.ROOT) + low.substring(1));
      }
      return copySafeness(s, sb.toString());
    });
    f.put("trim", (in, args) -> copySafeness(a(args, 0), Js.trim(str(a(args, 0), "trim"))));
    f.put("truncate", (in, args) -> {
      Object orig = a(args, 0);
      Object input = normalize(orig, "");
      Object length = a(args, 1);
      if (!Js.truthy(length)) {
        length = 255.0;
      }
      if (Js.compare("<=", Js.length(input), length)) {
        return input;
      }
      String s = str(input, "truncate");
      if (Js.truthy(a(args, 2))) {
        s = s.substring(0, clampIndex(length, s.length()));
      } else {
        double pos = Js.toNumber(length);
        int from = Double.isNaN(pos) ? s.length() : clampIndex(pos, s.length());
        int idx = s.lastIndexOf(' ', from);
        s = idx == -1 ? s.substring(0, clampIndex(length, s.length())) : s.substring(0, idx);
      }
      Object end = a(args, 3);
      s += Js.isNullish(end) ? "..." : Js.toStr(end);
      return copySafeness(orig, s);
    });
    f.put("urlencode", (in, args) -> {
      Object obj = a(args, 0);
      if (obj instanceof String s) {
        return encodeUriComponent(s);
      }
      List<String> parts = new ArrayList<>();
      if (obj instanceof JsArray arr) {
        for (Object kv : arr.items) {
          parts.add(encodeUriComponent(Js.toStr(Js.get(kv, 0.0))) + "=" + encodeUriComponent(Js.toStr(Js.get(kv, 1.0))));
        }
      } else {
        for (String k : Js.keys(obj)) {
          parts.add(encodeUriComponent(k) + "=" + encodeUriComponent(Js.toStr(Js.get(obj, k))));
        }
      }
      return String.join("&", parts);
    });
    f.put("urlize", Builtins::urlize);
    f.put("wordcount", (in, args) -> {
      Object s = normalize(a(args, 0), "");
      if (!Js.truthy(s)) {
        return Js.NULL;
      }
      Matcher m = Pattern.compile("\\w+").matcher(str(s, "wordcount"));
      int n = 0;
      while (m.find()) {
        n++;
      }
      return n == 0 ? Js.NULL : (Object) (double) n;
    });
    f.put("float", (in, args) -> {
      double r = Js.parseFloat(a(args, 0));
      return Double.isNaN(r) ? a(args, 1) : (Object) r;
    });
    f.put("int", macro(List.of("value", "default", "base"), (in, args) -> {
      Object base = a(args, 2);
      double r = Js.parseInt(a(args, 0), base == Js.UNDEF ? 10.0 : base);
      return Double.isNaN(r) ? a(args, 1) : (Object) r;
    }));
    return f;
  }

  static String join(JsArray arr, String sep, Interpreter in) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < arr.size(); i++) {
      in.tick();
      if (i > 0) {
        sb.append(sep);
      }
      sb.append(Js.output(arr.items.get(i)));
      in.checkLength(sb.length());
    }
    return sb.toString();
  }

  static JsArray sliceOf(Object arr, double start, double end, Interpreter in) {
    JsArray r = new JsArray();
    if (arr instanceof JsArray a) {
      int s = clampIndex(start, a.size());
      int e = clampIndex(end, a.size());
      for (int i = s; i < e; i++) {
        r.add(a.items.get(i));
      }
      return r;
    }
    if (arr instanceof String str) {
      throw new JsError("slice: expected an array, found string " + str);
    }
    throw new JsError("slice: expected an array, found " + Js.typeOf(arr));
  }

  static Object list(Object val) {
    if (val instanceof String s) {
      JsArray r = new JsArray();
      for (int i = 0; i < s.length(); i++) {
        r.add(String.valueOf(s.charAt(i)));
      }
      return r;
    }
    if (Js.isRecord(val)) {
      JsArray r = new JsArray();
      for (String k : Js.keys(val)) {
        JsObject e = new JsObject();
        e.put("key", k);
        e.put("value", Js.get(val, k));
        r.add(e);
      }
      return r;
    }
    if (val instanceof JsArray) {
      return val;
    }
    throw new JsError("list: type not iterable");
  }

  private static JsFunction selectOrReject(boolean expected) {
    return (in, args) -> {
      Object testName = a(args, 1);
      if (testName == Js.UNDEF) {
        testName = "truthy";
      }
      JsFunction test = in.engine.test(Js.toStr(testName));
      if (test == null) {
        throw new JsError("unknown test '" + Js.toStr(testName) + "'");
      }
      Object second = a(args, 2);
      JsArray r = new JsArray();
      for (Object item : toArray(a(args, 0), in).items) {
        in.tick();
        List<Object> targs = new ArrayList<>();
        targs.add(item);
        targs.add(second);
        if (Js.strictEq(test.call(in, targs), expected)) {
          r.add(item);
        }
      }
      return r;
    };
  }

  private static Object replace(Interpreter in, List<Object> args) {
    Object s = a(args, 0);
    Object old = a(args, 1);
    Object nw = a(args, 2);
    Object maxCount = a(args, 3);
    Object original = s;
    if (old instanceof JsRegex re) {
      return regexReplace(str(s, "replace"), re, nw, in);
    }
    if (maxCount == Js.UNDEF) {
      maxCount = -1.0;
    }
    String oldS;
    if (old instanceof Double) {
      oldS = Js.toStr(old);
    } else if (old instanceof String o) {
      oldS = o;
    } else {
      return s;
    }
    if (s instanceof Double) {
      s = Js.toStr(s);
    }
    if (!(s instanceof String) && !(s instanceof SafeStr)) {
      return s;
    }
    String src = Js.toStr(s);
    if (oldS.isEmpty()) {
      String sep = nw == Js.UNDEF ? "," : Js.toStr(nw);
      StringBuilder sb = new StringBuilder();
      sb.append(Js.toStr(nw));
      for (int i = 0; i < src.length(); i++) {
        in.tick();
        if (i > 0) {
          sb.append(sep);
        }
        sb.append(src.charAt(i));
        in.checkLength(sb.length());
      }
      sb.append(Js.toStr(nw));
      return copySafeness(s, sb.toString());
    }
    int next = src.indexOf(oldS);
    if (Js.strictEq(maxCount, 0.0) || next == -1) {
      return s;
    }
    String rep = Js.toStr(nw);
    StringBuilder res = new StringBuilder();
    int pos = 0;
    double count = 0;
    while (next > -1 && (Js.strictEq(maxCount, -1.0) || Js.compare("<", count, maxCount))) {
      in.tick();
      res.append(src, pos, next).append(rep);
      in.checkLength(res.length());
      pos = next + oldS.length();
      count++;
      next = src.indexOf(oldS, pos);
    }
    if (pos < src.length()) {
      res.append(src, pos, src.length());
    }
    return copySafeness(original, res.toString());
  }

  private static final Pattern PUNC = Pattern.compile("^(?:\\(|<|&lt;)?(.*?)(?:\\.|,|\\)|\\n|&gt;)?$", Pattern.DOTALL);
  private static final Pattern EMAIL =
      Pattern.compile("^[\\w.!#$%&'*+\\-/=?^`{|}~]+@[a-z\\d\\-]+(\\.[a-z\\d\\-]+)+$", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTTP = Pattern.compile("^https?://.*$", Pattern.DOTALL);
  private static final Pattern WWW = Pattern.compile("^www\\.");
  private static final Pattern TLD = Pattern.compile("\\.(?:org|net|com)(?::|/|$)");

  private static Object urlize(Interpreter in, List<Object> args) {
    String s = str(a(args, 0), "urlize");
    Object lengthArg = a(args, 1);
    double length = lengthArg instanceof Double d && d.isNaN() || lengthArg == Js.UNDEF
        ? Double.POSITIVE_INFINITY : Js.toInteger(lengthArg);
    String nofollow = Boolean.TRUE.equals(a(args, 2)) ? " rel=\"nofollow\"" : "";
    StringBuilder out = new StringBuilder();
    Matcher ws = Pattern.compile("[\\s\\u00A0\\uFEFF\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\u1680]+")
        .matcher(s);
    List<String> words = new ArrayList<>();
    int last = 0;
    while (ws.find()) {
      words.add(s.substring(last, ws.start()));
      words.add(ws.group());
      last = ws.end();
    }
    words.add(s.substring(last));
    for (String word : words) {
      in.tick();
      if (word.isEmpty()) {
        continue;
      }
      Matcher m = PUNC.matcher(word);
      String url = m.matches() ? m.group(1) : word;
      int n = Double.isInfinite(length) || length > url.length() ? url.length()
          : (int) Math.max(0, length < 0 ? 0 : Math.floor(length));
      String shortUrl = url.substring(0, n);
      if (HTTP.matcher(url).matches()) {
        out.append("<a href=\"").append(url).append('"').append(nofollow).append('>').append(shortUrl).append("</a>");
      } else if (WWW.matcher(url).find()) {
        out.append("<a href=\"http://").append(url).append('"').append(nofollow).append('>').append(shortUrl)
            .append("</a>");
      } else if (EMAIL.matcher(url).matches()) {
        out.append("<a href=\"mailto:").append(url).append("\">").append(url).append("</a>");
      } else if (TLD.matcher(url).find()) {
        out.append("<a href=\"http://").append(url).append('"').append(nofollow).append('>').append(shortUrl)
            .append("</a>");
      } else {
        out.append(word);
      }
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- tests

  static Map<String, JsFunction> tests() {
    Map<String, JsFunction> t = new HashMap<>();
    t.put("callable", (in, a) -> a(a, 0) instanceof JsFunction);
    t.put("defined", (in, a) -> a(a, 0) != Js.UNDEF);
    t.put("divisibleby", (in, a) -> Js.toNumber(a(a, 0)) % Js.toNumber(a(a, 1)) == 0);
    t.put("escaped", (in, a) -> a(a, 0) instanceof SafeStr);
    JsFunction eq = (in, a) -> Js.strictEq(a(a, 0), a(a, 1));
    t.put("equalto", eq);
    t.put("eq", eq);
    t.put("sameas", eq);
    t.put("even", (in, a) -> Js.toNumber(a(a, 0)) % 2 == 0);
    t.put("odd", (in, a) -> Js.toNumber(a(a, 0)) % 2 == 1);
    t.put("falsy", (in, a) -> !Js.truthy(a(a, 0)));
    t.put("truthy", (in, a) -> Js.truthy(a(a, 0)));
    t.put("ge", (in, a) -> Js.compare(">=", a(a, 0), a(a, 1)));
    JsFunction gt = (in, a) -> Js.compare(">", a(a, 0), a(a, 1));
    t.put("greaterthan", gt);
    t.put("gt", gt);
    t.put("le", (in, a) -> Js.compare("<=", a(a, 0), a(a, 1)));
    JsFunction lt = (in, a) -> Js.compare("<", a(a, 0), a(a, 1));
    t.put("lessthan", lt);
    t.put("lt", lt);
    t.put("ne", (in, a) -> !Js.strictEq(a(a, 0), a(a, 1)));
    t.put("lower", (in, a) -> {
      String s = str(a(a, 0), "lower");
      return s.toLowerCase(Locale.ROOT).equals(s);
    });
    t.put("upper", (in, a) -> {
      String s = str(a(a, 0), "upper");
      return s.toUpperCase(Locale.ROOT).equals(s);
    });
    t.put("null", (in, a) -> a(a, 0) == Js.NULL);
    t.put("undefined", (in, a) -> a(a, 0) == Js.UNDEF);
    t.put("number", (in, a) -> a(a, 0) instanceof Double);
    t.put("string", (in, a) -> a(a, 0) instanceof String);
    t.put("iterable", (in, a) -> {
      Object v = a(a, 0);
      if (Js.isNullish(v)) {
        throw new JsError("cannot test " + v + " for iterability");
      }
      return v instanceof JsArray || v instanceof String || v instanceof SafeStr;
    });
    t.put("mapping", (in, a) -> {
      Object v = a(a, 0);
      return !Js.isPrimitive(v) && !(v instanceof JsArray) && !(v instanceof JsFunction);
    });
    return t;
  }

  // ---------------------------------------------------------------- globals

  static Map<String, Object> globals() {
    Map<String, Object> g = new HashMap<>();
    g.put("range", (JsFunction) (in, args) -> {
      Object start = a(args, 0);
      Object stop = a(args, 1);
      Object step = a(args, 2);
      if (stop == Js.UNDEF) {
        stop = start;
        start = 0.0;
        step = 1.0;
      } else if (!Js.truthy(step)) {
        step = 1.0;
      }
      JsArray arr = new JsArray();
      if (Js.compare(">", step, 0.0)) {
        for (Object i = start; Js.compare("<", i, stop); i = Js.add(i, step)) {
          in.tick();
          arr.add(i);
        }
      } else {
        for (Object i = start; Js.compare(">", i, stop); i = Js.add(i, step)) {
          in.tick();
          arr.add(i);
        }
      }
      return arr;
    });
    g.put("cycler", (JsFunction) (in, args) -> new Cycler(args));
    g.put("joiner", (JsFunction) (in, args) -> {
      Object sep = a(args, 0);
      Object s = Js.truthy(sep) ? sep : ",";
      boolean[] first = {true};
      return (JsFunction) (in2, a2) -> {
        Object v = first[0] ? "" : s;
        first[0] = false;
        return v;
      };
    });
    return g;
  }
}
