package dev.portolan.catalog.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves YAML scalars to JSON values the way the {@code yaml} package (v2) does: the YAML 1.2 core schema
 * by default, the YAML 1.1 schema for documents with a {@code %YAML 1.1} directive.
 */
final class ScalarResolver {

  private static final String TAG = "tag:yaml.org,2002:";

  private static final Pattern NULL = Pattern.compile("(?:~|[Nn]ull|NULL)?");
  private static final Pattern CORE_BOOL = Pattern.compile("[Tt]rue|TRUE|[Ff]alse|FALSE");
  private static final Pattern CORE_OCT = Pattern.compile("0o[0-7]+");
  private static final Pattern CORE_INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern CORE_HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern NAN_INF = Pattern.compile("[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");
  private static final Pattern CORE_EXP = Pattern.compile("[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+");
  private static final Pattern CORE_FLOAT = Pattern.compile("[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)");

  private static final Pattern Y11_TRUE = Pattern.compile("Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON");
  private static final Pattern Y11_FALSE = Pattern.compile("N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF");
  private static final Pattern Y11_BIN = Pattern.compile("[-+]?0b[0-1_]+");
  private static final Pattern Y11_OCT = Pattern.compile("[-+]?0[0-7_]+");
  private static final Pattern Y11_INT = Pattern.compile("[-+]?[0-9][0-9_]*");
  private static final Pattern Y11_HEX = Pattern.compile("[-+]?0x[0-9a-fA-F_]+");
  private static final Pattern Y11_EXP = Pattern.compile("[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+");
  private static final Pattern Y11_FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*");
  private static final Pattern Y11_SEXA_INT = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+");
  private static final Pattern Y11_SEXA_FLOAT = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*");
  private static final Pattern Y11_TIMESTAMP = Pattern.compile(
      "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
          + "(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)"
          + "(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?");

  private ScalarResolver() {}

  /** Resolves a scalar in a document of the given YAML minor version (1 for 1.1, else 1.2). */
  static JsonNode resolve(YNode.Scalar s, boolean yaml11) {
    String v = s.value;
    if (s.tag != null && !s.tag.equals("!")) {
      if (s.tag.startsWith(TAG)) {
        String t = s.tag.substring(TAG.length());
        JsonNode r = switch (t) {
          case "str" -> TextNode.valueOf(v);
          case "null" -> NULL.matcher(v).matches() ? NullNode.instance : null;
          case "bool" -> yaml11 ? bool11(v) : (CORE_BOOL.matcher(v).matches() ? bool(v) : null);
          case "int" -> yaml11 ? int11(v) : intCore(v);
          case "float" -> yaml11 ? float11(v) : floatCore(v);
          case "binary" -> binary(v);
          case "timestamp" -> {
            Matcher m = Y11_TIMESTAMP.matcher(v.trim());
            yield m.matches() ? timestamp(m) : null;
          }
          default -> null;
        };
        return r != null ? r : TextNode.valueOf(v);
      }
      return TextNode.valueOf(v);
    }
    if (!s.plain || "!".equals(s.tag)) {
      return TextNode.valueOf(v);
    }
    JsonNode r = yaml11 ? plain11(v) : plainCore(v);
    return r != null ? r : TextNode.valueOf(v);
  }

  private static JsonNode plainCore(String v) {
    if (v.isEmpty()) {
      return NullNode.instance;
    }
    // In the core schema only a plain scalar starting with one of ~ n N t T f F - + . 0-9 can be anything
    // but a string; the letters only as the exact words null and true/false.
    switch (v.charAt(0)) {
      case '~':
        return v.length() == 1 ? NullNode.instance : null;
      case 'n', 'N':
        return v.equals("null") || v.equals("Null") || v.equals("NULL") ? NullNode.instance : null;
      case 't', 'T':
        return v.equals("true") || v.equals("True") || v.equals("TRUE") ? BooleanNode.TRUE : null;
      case 'f', 'F':
        return v.equals("false") || v.equals("False") || v.equals("FALSE") ? BooleanNode.FALSE : null;
      case '-', '+', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
        break;
      default:
        return null;
    }
    if (!numberCandidate(v)) {
      return null;
    }
    JsonNode r = intCore(v);
    if (r != null) {
      return r;
    }
    return floatCore(v);
  }

  /**
   * Whether every character may occur in a core-schema number ({@code 0o}, {@code 0x}, exponents,
   * {@code .inf}, {@code .nan}): a scalar with any other character (a date, a version with a letter,
   * words) is a string without trying the number patterns.
   */
  private static boolean numberCandidate(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+'
          || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
          || c == 'x' || c == 'o' || c == 'i' || c == 'I' || c == 'n' || c == 'N';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode intCore(String v) {
    if (CORE_OCT.matcher(v).matches()) {
      return number(new BigInteger(v.substring(2), 8));
    }
    if (CORE_INT.matcher(v).matches()) {
      return number(new BigInteger(v.startsWith("+") ? v.substring(1) : v));
    }
    if (CORE_HEX.matcher(v).matches()) {
      return number(new BigInteger(v.substring(2), 16));
    }
    return null;
  }

  private static JsonNode floatCore(String v) {
    if (NAN_INF.matcher(v).matches()) {
      return nanInf(v);
    }
    if (CORE_EXP.matcher(v).matches() || CORE_FLOAT.matcher(v).matches()) {
      return DoubleNode.valueOf(Double.parseDouble(v));
    }
    return null;
  }

  private static JsonNode plain11(String v) {
    if (v.isEmpty()) {
      return NullNode.instance;
    }
    // In the YAML 1.1 schema only these first characters can start a null, a boolean (y, n, on, off), a
    // number (including exponents without digits before them) or a timestamp; anything else is a string.
    switch (v.charAt(0)) {
      case '~', 'n', 'N', 'y', 'Y', 't', 'T', 'f', 'F', 'o', 'O', 'e', 'E', '-', '+', '.',
          '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
        break;
      default:
        return null;
    }
    if (NULL.matcher(v).matches()) {
      return NullNode.instance;
    }
    JsonNode b = bool11(v);
    if (b != null) {
      return b;
    }
    JsonNode i = int11(v);
    if (i != null) {
      return i;
    }
    JsonNode f = float11(v);
    if (f != null) {
      return f;
    }
    Matcher m = Y11_TIMESTAMP.matcher(v);
    if (m.matches()) {
      return timestamp(m);
    }
    return null;
  }

  private static JsonNode bool11(String v) {
    if (Y11_TRUE.matcher(v).matches()) {
      return BooleanNode.TRUE;
    }
    if (Y11_FALSE.matcher(v).matches()) {
      return BooleanNode.FALSE;
    }
    return null;
  }

  private static JsonNode int11(String v) {
    if (Y11_BIN.matcher(v).matches()) {
      return signed(v, 2, "0b");
    }
    if (Y11_OCT.matcher(v).matches()) {
      return signed(v, 8, "0");
    }
    if (Y11_INT.matcher(v).matches()) {
      return signed(v, 10, "");
    }
    if (Y11_HEX.matcher(v).matches()) {
      return signed(v, 16, "0x");
    }
    if (Y11_SEXA_INT.matcher(v).matches()) {
      return number(BigInteger.valueOf((long) sexagesimal(v)));
    }
    return null;
  }

  private static JsonNode float11(String v) {
    if (NAN_INF.matcher(v).matches()) {
      return nanInf(v);
    }
    if (Y11_EXP.matcher(v).matches() || Y11_FLOAT.matcher(v).matches()) {
      String t = v.replace("_", "");
      if (t.equals(".") || t.equals("+.") || t.equals("-.")) {
        return null;
      }
      return DoubleNode.valueOf(Double.parseDouble(t));
    }
    if (Y11_SEXA_FLOAT.matcher(v).matches()) {
      return DoubleNode.valueOf(sexagesimal(v));
    }
    return null;
  }

  private static double sexagesimal(String v) {
    String t = v.replace("_", "");
    double sign = 1;
    if (t.startsWith("-")) {
      sign = -1;
      t = t.substring(1);
    } else if (t.startsWith("+")) {
      t = t.substring(1);
    }
    double res = 0;
    for (String part : t.split(":")) {
      res = res * 60 + Double.parseDouble(part);
    }
    return sign * res;
  }

  private static JsonNode signed(String v, int radix, String prefix) {
    String t = v.replace("_", "");
    boolean neg = t.startsWith("-");
    if (neg || t.startsWith("+")) {
      t = t.substring(1);
    }
    t = t.substring(prefix.length());
    if (t.isEmpty()) {
      t = "0";
    }
    BigInteger b = new BigInteger(t, radix);
    return number(neg ? b.negate() : b);
  }

  private static JsonNode timestamp(Matcher m) {
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    try {
      if (m.group(4) == null) {
        return TextNode.valueOf(
            LocalDate.of(year, month, day).atStartOfDay().format(ISO) + "Z");
      }
      String secs = m.group(6);
      double sec = Double.parseDouble(secs);
      LocalDateTime t = LocalDateTime.of(
          year, month, day, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), (int) sec,
          (int) Math.round((sec - Math.floor(sec)) * 1000) * 1_000_000);
      String tz = m.group(8);
      if (tz != null && !tz.equals("Z")) {
        String[] hm = tz.substring(1).split(":");
        int minutes = Integer.parseInt(hm[0]) * 60 + (hm.length > 1 ? Integer.parseInt(hm[1]) : 0);
        t = tz.startsWith("-") ? t.plusMinutes(minutes) : t.minusMinutes(minutes);
      }
      return TextNode.valueOf(t.atOffset(ZoneOffset.UTC).toLocalDateTime().format(ISO) + "Z");
    } catch (java.time.DateTimeException e) {
      return NullNode.instance;
    }
  }

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

  /** A {@code !!binary} scalar: bytes, which become an object of index keys in JSON (a Uint8Array). */
  private static JsonNode binary(String v) {
    byte[] bytes;
    try {
      bytes = java.util.Base64.getMimeDecoder().decode(v.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      return null;
    }
    com.fasterxml.jackson.databind.node.ObjectNode o =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < bytes.length; i++) {
      o.put(Integer.toString(i), bytes[i] & 0xFF);
    }
    return o;
  }

  private static JsonNode bool(String v) {
    return BooleanNode.valueOf(v.charAt(0) == 't' || v.charAt(0) == 'T');
  }

  private static JsonNode nanInf(String v) {
    if (v.endsWith("nan") || v.endsWith("NaN") || v.endsWith("NAN")) {
      return DoubleNode.valueOf(Double.NaN);
    }
    return DoubleNode.valueOf(v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
  }

  /** A JavaScript number: exact below 2^53, a double beyond. */
  private static JsonNode number(BigInteger b) {
    if (b.bitLength() <= 53) {
      return LongNode.valueOf(b.longValue());
    }
    return DoubleNode.valueOf(b.doubleValue());
  }

  /** The text JavaScript's {@code String(value)} gives for a resolved key. */
  static String keyText(JsonNode n) {
    if (n.isNull()) {
      return "";
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isDouble()) {
      return JsNumbers.toString(n.doubleValue());
    }
    return n.asText();
  }
}
