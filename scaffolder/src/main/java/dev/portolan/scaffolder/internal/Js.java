package dev.portolan.scaffolder.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JavaScript value semantics over the closed set of template values. */
final class Js {

  /** The two JavaScript non-values. */
  enum Special {
    UNDEFINED, NULL;

    @Override
    public String toString() {
      return this == UNDEFINED ? "undefined" : "null";
    }
  }

  static final Object UNDEF = Special.UNDEFINED;
  static final Object NULL = Special.NULL;

  private Js() {}

  // ---------------------------------------------------------------- type tests

  static boolean isNullish(Object v) {
    return v == UNDEF || v == NULL;
  }

  static boolean isPrimitive(Object v) {
    return v == UNDEF || v == NULL || v instanceof Boolean || v instanceof Double || v instanceof String;
  }

  /** True for values nunjucks' {@code lib.isObject} accepts: plain records (and wrapper objects). */
  static boolean isRecord(Object v) {
    return v instanceof JsObject || v instanceof SafeStr || v instanceof Cycler;
  }

  static String typeOf(Object v) {
    if (v == UNDEF) {
      return "undefined";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof Double) {
      return "number";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof JsFunction) {
      return "function";
    }
    return "object";
  }

  // ---------------------------------------------------------------- conversions

  static boolean truthy(Object v) {
    if (v == UNDEF || v == NULL) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Double d) {
      return !(d == 0 || d.isNaN());
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    return true;
  }

  static Double num(double d) {
    return d;
  }

  static String toStr(Object v) {
    return toStr(v, 0);
  }

  private static String toStr(Object v, int depth) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Double d) {
      return numberToString(d);
    }
    if (v instanceof Boolean || v == UNDEF || v == NULL) {
      return v.toString();
    }
    if (v instanceof SafeStr s) {
      return s.val;
    }
    if (v instanceof JsArray a) {
      if (depth > 64) {
        return "";
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        Object e = a.items.get(i);
        if (!isNullish(e)) {
          sb.append(toStr(e, depth + 1));
        }
      }
      return sb.toString();
    }
    if (v instanceof JsRegex r) {
      return r.toString();
    }
    if (v instanceof JsFunction) {
      return "function () { [code] }";
    }
    return "[object Object]";
  }

  /** The text a value contributes to template output: nothing for undefined and null. */
  static String output(Object v) {
    return isNullish(v) ? "" : toStr(v);
  }

  static Object toPrimitive(Object v) {
    if (isPrimitive(v)) {
      return v;
    }
    return toStr(v);
  }

  static double toNumber(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if (v == UNDEF) {
      return Double.NaN;
    }
    if (v == NULL) {
      return 0;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      return stringToNumber(s);
    }
    return toNumber(toPrimitive(v));
  }

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|Infinity)");

  static double stringToNumber(String s) {
    String t = trim(s);
    if (t.isEmpty()) {
      return 0;
    }
    if (t.length() > 2 && t.charAt(0) == '0') {
      int radix = switch (t.charAt(1)) {
        case 'x', 'X' -> 16;
        case 'o', 'O' -> 8;
        case 'b', 'B' -> 2;
        default -> 0;
      };
      if (radix != 0) {
        double r = 0;
        for (int i = 2; i < t.length(); i++) {
          int dg = Character.digit(t.charAt(i), radix);
          if (dg < 0) {
            return Double.NaN;
          }
          r = r * radix + dg;
        }
        return r;
      }
    }
    if (!DECIMAL.matcher(t).matches()) {
      return Double.NaN;
    }
    if (t.endsWith("Infinity")) {
      return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(t);
  }

  private static final Pattern FLOAT_PREFIX =
      Pattern.compile("^[+-]?(?:Infinity|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)");

  static double parseFloat(Object v) {
    String s = trimStart(toStr(v));
    Matcher m = FLOAT_PREFIX.matcher(s);
    if (!m.find()) {
      return Double.NaN;
    }
    String t = m.group();
    if (t.endsWith("Infinity")) {
      return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(t);
  }

  static double parseInt(Object v, Object radixV) {
    String s = trimStart(toStr(v));
    int sign = 1;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      sign = s.charAt(0) == '-' ? -1 : 1;
      s = s.substring(1);
    }
    int radix = toInt32(radixV);
    boolean strip = true;
    if (radix != 0) {
      if (radix < 2 || radix > 36) {
        return Double.NaN;
      }
      if (radix != 16) {
        strip = false;
      }
    } else {
      radix = 10;
    }
    if (strip && s.length() >= 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
      s = s.substring(2);
      radix = 16;
    }
    double r = 0;
    int i = 0;
    for (; i < s.length(); i++) {
      int d = Character.digit(s.charAt(i), radix);
      if (d < 0 || s.charAt(i) > 'z') {
        break;
      }
      r = r * radix + d;
    }
    if (i == 0) {
      return Double.NaN;
    }
    return sign * r;
  }

  static int toInt32(Object v) {
    double d = toNumber(v);
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return 0;
    }
    return (int) (long) d;
  }

  /** ToIntegerOrInfinity clamped into the int range. */
  static double toInteger(Object v) {
    double d = toNumber(v);
    if (Double.isNaN(d)) {
      return 0;
    }
    return d < 0 ? Math.ceil(d) : Math.floor(d);
  }

  static Double parseNumberLiteral(String s) {
    return Double.parseDouble(s.endsWith(".") ? s + "0" : s);
  }

  static String numberToString(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return "0";
    }
    if (d == Math.rint(d) && Math.abs(d) < 9e15) {
      return Long.toString((long) d);
    }
    BigDecimal st = shortest(Math.abs(d));
    String digits = st.unscaledValue().toString();
    int exp10 = digits.length() - st.scale();
    StringBuilder sb = new StringBuilder();
    if (d < 0) {
      sb.append('-');
    }
    int k = digits.length();
    int n = exp10;
    if (k <= n && n <= 21) {
      sb.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      sb.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      sb.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      sb.append(digits.charAt(0));
      if (k > 1) {
        sb.append('.').append(digits, 1, k);
      }
      sb.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
    }
    return sb.toString();
  }

  /**
   * The decimal with the fewest significant digits that reads back as {@code d} (the closest one when
   * several have that many), without trailing zeros: the digits JavaScript prints for a number.
   *
   * @param d a positive finite double
   * @return the digits and scale
   */
  static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        return r.stripTrailingZeros();
      }
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros();
  }

  static String propertyKey(Object key) {
    return toStr(key);
  }

  // ---------------------------------------------------------------- whitespace

  static boolean isJsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u00A0'
        || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029'
        || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF';
  }

  static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isJsSpace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static String trimStart(String s) {
    int i = 0;
    while (i < s.length() && isJsSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  static String trimEnd(String s) {
    int i = s.length();
    while (i > 0 && isJsSpace(s.charAt(i - 1))) {
      i--;
    }
    return s.substring(0, i);
  }

  static String trim(String s) {
    return trimEnd(trimStart(s));
  }

  // ---------------------------------------------------------------- operators

  static Object add(Object a, Object b) {
    Object pa = toPrimitive(a);
    Object pb = toPrimitive(b);
    if (pa instanceof String || pb instanceof String) {
      return toStr(pa) + toStr(pb);
    }
    return toNumber(pa) + toNumber(pb);
  }

  static boolean strictEq(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return x.doubleValue() == y.doubleValue();
    }
    if (a instanceof String x && b instanceof String y) {
      return x.equals(y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return x.booleanValue() == y.booleanValue();
    }
    return a == b;
  }

  static boolean looseEq(Object a, Object b) {
    if (isNullish(a) || isNullish(b)) {
      return isNullish(a) && isNullish(b);
    }
    if (sameType(a, b)) {
      return strictEq(a, b);
    }
    if (a instanceof Boolean) {
      return looseEq(toNumber(a), b);
    }
    if (b instanceof Boolean) {
      return looseEq(a, toNumber(b));
    }
    if (a instanceof Double && b instanceof String) {
      return ((Double) a) == stringToNumber((String) b);
    }
    if (a instanceof String && b instanceof Double) {
      return stringToNumber((String) a) == (Double) b;
    }
    if (!isPrimitive(a) && isPrimitive(b)) {
      return looseEq(toPrimitive(a), b);
    }
    if (isPrimitive(a) && !isPrimitive(b)) {
      return looseEq(a, toPrimitive(b));
    }
    return a == b;
  }

  private static boolean sameType(Object a, Object b) {
    if (isPrimitive(a) && isPrimitive(b)) {
      return a.getClass() == b.getClass();
    }
    return !isPrimitive(a) && !isPrimitive(b);
  }

  /** JavaScript {@code a < b}; {@code null} result means undefined (a NaN was involved). */
  static Boolean lessThan(Object a, Object b) {
    Object pa = toPrimitive(a);
    Object pb = toPrimitive(b);
    if (pa instanceof String x && pb instanceof String y) {
      return x.compareTo(y) < 0;
    }
    double x = toNumber(pa);
    double y = toNumber(pb);
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return null;
    }
    return x < y;
  }

  static boolean compare(String op, Object a, Object b) {
    return switch (op) {
      case "<" -> Boolean.TRUE.equals(lessThan(a, b));
      case ">" -> Boolean.TRUE.equals(lessThan(b, a));
      case "<=" -> {
        Boolean r = lessThan(b, a);
        yield r != null && !r;
      }
      case ">=" -> {
        Boolean r = lessThan(a, b);
        yield r != null && !r;
      }
      default -> throw new IllegalArgumentException(op);
    };
  }

  static double pow(double a, double b) {
    if (Double.isNaN(b) || (Math.abs(a) == 1 && Double.isInfinite(b))) {
      return Double.NaN;
    }
    return Math.pow(a, b);
  }

  // ---------------------------------------------------------------- property access (data only)

  /** JavaScript {@code obj[key]} over data values; never reaches anything but own data. */
  static Object get(Object obj, Object key) {
    if (isNullish(obj)) {
      throw new JsError("cannot read property '" + toStr(key) + "' of " + obj);
    }
    String k = propertyKey(key);
    if (k.equals("constructor") || k.equals("__proto__") || k.equals("prototype")) {
      return UNDEF;
    }
    if (obj instanceof JsObject o) {
      return o.get(k);
    }
    if (obj instanceof JsArray a) {
      if (k.equals("length")) {
        return (double) a.size();
      }
      int i = index(k);
      return i >= 0 ? a.get(i) : UNDEF;
    }
    if (obj instanceof String s) {
      if (k.equals("length")) {
        return (double) s.length();
      }
      int i = index(k);
      return i >= 0 && i < s.length() ? String.valueOf(s.charAt(i)) : UNDEF;
    }
    if (obj instanceof SafeStr s) {
      if (k.equals("length")) {
        return (double) s.val.length();
      }
      if (k.equals("val")) {
        return s.val;
      }
      return UNDEF;
    }
    if (obj instanceof Cycler c) {
      return c.member(k);
    }
    if (obj instanceof JsFunction && k.equals("length")) {
      return 0.0;
    }
    return UNDEF;
  }

  static boolean hasOwn(Object obj, String k) {
    if (obj instanceof JsObject o) {
      return o.has(k);
    }
    if (obj instanceof JsArray a) {
      int i = index(k);
      return k.equals("length") || (i >= 0 && i < a.size());
    }
    if (obj instanceof String s) {
      int i = index(k);
      return k.equals("length") || (i >= 0 && i < s.length());
    }
    if (obj instanceof SafeStr) {
      return k.equals("length") || k.equals("val");
    }
    return false;
  }

  static int index(String k) {
    if (!JsObject.isArrayIndex(k)) {
      return -1;
    }
    long l = Long.parseLong(k);
    return l > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) l;
  }

  /** Own enumerable keys, as {@code for (k in obj)} would list them for data values. */
  static List<String> keys(Object obj) {
    if (obj instanceof JsObject o) {
      return o.keys();
    }
    if (obj instanceof JsArray a) {
      return indexKeys(a.size());
    }
    if (obj instanceof String s) {
      return indexKeys(s.length());
    }
    if (obj instanceof SafeStr) {
      return List.of("val", "length");
    }
    if (obj instanceof Cycler) {
      return List.of("current", "reset", "next");
    }
    return List.of();
  }

  private static List<String> indexKeys(int n) {
    String[] r = new String[n];
    for (int i = 0; i < n; i++) {
      r[i] = Integer.toString(i);
    }
    return List.of(r);
  }

  /** {@code obj.length} as JavaScript reads it. */
  static Object length(Object obj) {
    return get(obj, "length");
  }

  // ---------------------------------------------------------------- JSON

  static String stringify(Object v, Object space) {
    String indent = "";
    if (space instanceof Double d) {
      double n = Math.min(10, toInteger(d));
      indent = n >= 1 ? " ".repeat((int) n) : "";
    } else if (space instanceof String s) {
      indent = s.length() > 10 ? s.substring(0, 10) : s;
    }
    StringBuilder sb = new StringBuilder();
    if (!writeJson(sb, v, indent, "", new IdentityHashMap<>())) {
      return null;
    }
    return sb.toString();
  }

  private static boolean serializable(Object v) {
    return v != UNDEF && !(v instanceof JsFunction);
  }

  private static boolean writeJson(StringBuilder sb, Object v, String indent, String cur, Map<Object, Boolean> seen) {
    if (!serializable(v)) {
      return false;
    }
    if (v == NULL) {
      sb.append("null");
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v instanceof Double d) {
      sb.append(Double.isNaN(d) || Double.isInfinite(d) ? "null" : numberToString(d));
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof JsArray a) {
      if (seen.put(a, true) != null) {
        throw new JsError("cannot convert a circular structure to JSON");
      }
      if (a.size() == 0) {
        sb.append("[]");
      } else {
        String inner = cur + indent;
        sb.append('[');
        for (int i = 0; i < a.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          if (!indent.isEmpty()) {
            sb.append('\n').append(inner);
          }
          if (!writeJson(sb, a.items.get(i), indent, inner, seen)) {
            sb.append("null");
          }
        }
        if (!indent.isEmpty()) {
          sb.append('\n').append(cur);
        }
        sb.append(']');
      }
      seen.remove(a);
    } else {
      List<String> keys;
      if (v instanceof JsRegex) {
        keys = List.of();
      } else {
        keys = keys(v);
      }
      if (seen.put(v, true) != null) {
        throw new JsError("cannot convert a circular structure to JSON");
      }
      String inner = cur + indent;
      boolean any = false;
      sb.append('{');
      for (String k : keys) {
        Object e = get(v, k);
        if (!serializable(e)) {
          continue;
        }
        if (any) {
          sb.append(',');
        }
        any = true;
        if (!indent.isEmpty()) {
          sb.append('\n').append(inner);
        }
        quote(sb, k);
        sb.append(indent.isEmpty() ? ":" : ": ");
        writeJson(sb, e, indent, inner, seen);
      }
      if (any && !indent.isEmpty()) {
        sb.append('\n').append(cur);
      }
      sb.append('}');
      seen.remove(v);
    }
    return true;
  }

  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
              sb.append(c).append(s.charAt(++i));
            } else {
              sb.append(String.format("\\u%04x", (int) c));
            }
          } else if (Character.isLowSurrogate(c)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
