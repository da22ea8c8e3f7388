package dev.portolan.catalog.model.internal;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Backstage's default field format validators ({@code makeValidator()}), and a WHATWG URL check. */
public final class FieldFormats {

  private static final Set<String> SPECIAL = Set.of("http", "https", "ws", "wss", "ftp", "file");

  /** Expectation text for names and label values. */
  public static final String EXPECT_NAME =
      "a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total";
  /** Expectation text for apiVersion, label keys and annotation keys. */
  public static final String EXPECT_PREFIX_SUFFIX = "a valid prefix and/or suffix";
  /** Expectation text for namespaces. */
  public static final String EXPECT_NAMESPACE =
      "a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total";
  /** Expectation text for tags (Backstage's text; the rule also allows ':'). */
  public static final String EXPECT_TAG =
      "a string that is sequences of [a-z0-9+#] separated by [-], at most 63 characters in total";
  /** Expectation text for kinds. */
  public static final String EXPECT_KIND =
      "a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total";
  /** Expectation text for URLs. */
  public static final String EXPECT_URL = "a string that is a valid url";
  /** Expectation text for non-blank strings. */
  public static final String EXPECT_NON_EMPTY = "a non empty string";

  private FieldFormats() {}

  static boolean prefixAndOrSuffix(String v, java.util.function.Predicate<String> prefix,
      java.util.function.Predicate<String> suffix) {
    int slash = v.indexOf('/');
    if (slash < 0) {
      return suffix.test(v);
    }
    return v.indexOf('/', slash + 1) < 0 && prefix.test(v.substring(0, slash))
        && suffix.test(v.substring(slash + 1));
  }

  /**
   * Backstage's {@code isValidDnsSubdomain}: at most 253 characters of dot-separated DNS labels.
   *
   * @param v the value, never null
   * @return whether {@code v} is a valid DNS subdomain
   */
  public static boolean dnsSubdomain(String v) {
    if (v.isEmpty() || v.length() > 253) {
      return false;
    }
    int start = 0;
    while (true) {
      int dot = v.indexOf('.', start);
      if (!dnsLabel(v.substring(start, dot < 0 ? v.length() : dot))) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  /**
   * Backstage's {@code isValidDnsLabel}: 1 to 63 lower-case letters, digits and inner hyphens.
   *
   * @param v the value, never null
   * @return whether {@code v} is a valid DNS label
   */
  public static boolean dnsLabel(String v) {
    return !v.isEmpty() && v.length() <= 63 && dnsLabelChars(v);
  }

  /**
   * Backstage's {@code isValidApiVersion}: an optional DNS-subdomain group and a slash, then 1 to 63 letters
   * and digits.
   *
   * @param v the value, never null
   * @return whether {@code v} is a valid {@code apiVersion}
   */
  public static boolean apiVersion(String v) {
    return prefixAndOrSuffix(v, FieldFormats::dnsSubdomain,
        n -> !n.isEmpty() && n.length() <= 63 && allAlnum(n));
  }

  /**
   * Backstage's {@code isValidKind}: a letter then letters and digits, 1 to 63 characters.
   *
   * @param v the value, never null
   * @return whether {@code v} is a valid {@code kind}
   */
  public static boolean kind(String v) {
    return !v.isEmpty() && v.length() <= 63 && kindChars(v);
  }

  /**
   * Backstage's {@code isValidObjectName}, the rule for entity names: 1 to 63 letters and digits, separated by
   * any of {@code -_.}.
   *
   * @param v the value, never null
   * @return whether {@code v} is a valid name
   */
  public static boolean objectName(String v) {
    return !v.isEmpty() && v.length() <= 63 && objectNameChars(v);
  }

  /**
   * Backstage's {@code isValidLabelKey} and {@code isValidAnnotationKey}: an optional DNS-subdomain prefix and
   * a slash, then an object name.
   *
   * @param v the value, never null
   * @return whether {@code v} is a valid label or annotation key
   */
  public static boolean labelKey(String v) {
    return prefixAndOrSuffix(v, FieldFormats::dnsSubdomain, FieldFormats::objectName);
  }

  /**
   * Backstage's {@code isValidLabelValue}: empty or an object name.
   *
   * @param v the value, never null
   * @return whether {@code v} is a valid label value
   */
  public static boolean labelValue(String v) {
    return v.isEmpty() || objectName(v);
  }

  /**
   * The default {@code isValidTag} of Backstage's {@code makeValidator}: 1 to 63 of {@code [a-z0-9:+#]} in
   * hyphen-separated words.
   *
   * @param v the value, never null
   * @return whether {@code v} is a valid tag
   */
  public static boolean tag(String v) {
    return !v.isEmpty() && v.length() <= 63 && tagChars(v);
  }

  // The character rules below are the regular expressions of Backstage's validators written as loops:
  // [a-z0-9]+(?:-+[a-z0-9]+)*, [a-z0-9A-Z]+, [a-zA-Z][a-z0-9A-Z]*, ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9],
  // [a-z0-9:+#]+(-[a-z0-9:+#]+)* and the URL scheme [a-zA-Z][a-zA-Z0-9+.\-]*. Each is tested against the
  // expression itself.

  private static boolean lowerOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean alnum(char c) {
    return letter(c) || (c >= '0' && c <= '9');
  }

  static boolean dnsLabelChars(String v) {
    int n = v.length();
    if (n == 0 || v.charAt(0) == '-' || v.charAt(n - 1) == '-') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c != '-' && !lowerOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  static boolean allAlnum(String v) {
    int n = v.length();
    if (n == 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!alnum(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean kindChars(String v) {
    return !v.isEmpty() && letter(v.charAt(0)) && allAlnum(v);
  }

  static boolean objectNameChars(String v) {
    int n = v.length();
    if (n == 0 || !alnum(v.charAt(0)) || !alnum(v.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = v.charAt(i);
      if (!alnum(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean tagChar(char c) {
    return lowerOrDigit(c) || c == ':' || c == '+' || c == '#';
  }

  static boolean tagChars(String v) {
    int n = v.length();
    if (n == 0 || !tagChar(v.charAt(0)) || !tagChar(v.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = v.charAt(i);
      if (c == '-') {
        if (v.charAt(i + 1) == '-') {
          return false;
        }
      } else if (!tagChar(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code v.substring(0, end)} is a URL scheme. */
  static boolean scheme(String v, int end) {
    if (end == 0 || !letter(v.charAt(0))) {
      return false;
    }
    for (int i = 1; i < end; i++) {
      char c = v.charAt(i);
      if (!alnum(c) && c != '+' && c != '.' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /**
   * Backstage's {@code isNonEmptyString}: not blank after JavaScript's {@code trim()}.
   *
   * @param v the value, never null
   * @return whether {@code v} is a non-blank string
   */
  public static boolean nonBlank(String v) {
    return !jsTrim(v).isEmpty();
  }

  static String jsTrim(String v) {
    int b = 0;
    int e = v.length();
    while (b < e && isJsWhitespace(v.charAt(b))) {
      b++;
    }
    while (e > b && isJsWhitespace(v.charAt(e - 1))) {
      e--;
    }
    return v.substring(b, e);
  }

  private static boolean isJsWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u00A0'
        || c == '\uFEFF' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028'
        || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';
  }

  /**
   * Whether WHATWG {@code new URL(value)} accepts the text (no base URL).
   *
   * @param raw the text
   * @return true when it parses as an absolute URL
   */
  public static boolean url(String raw) {
    int b = 0;
    int e = raw.length();
    while (b < e && raw.charAt(b) <= ' ') {
      b++;
    }
    while (e > b && raw.charAt(e - 1) <= ' ') {
      e--;
    }
    String v = raw.substring(b, e).replace("\t", "").replace("\n", "").replace("\r", "");
    int colon = v.indexOf(':');
    if (colon <= 0 || !scheme(v, colon)) {
      return false;
    }
    String scheme = v.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = v.substring(colon + 1);
    if (SPECIAL.contains(scheme)) {
      int i = 0;
      while (i < rest.length() && (rest.charAt(i) == '/' || rest.charAt(i) == '\\')) {
        i++;
      }
      if (scheme.equals("file")) {
        return true;
      }
      String after = rest.substring(i);
      int end = indexOfAny(after, "/\\?#");
      String authority = end < 0 ? after : after.substring(0, end);
      return authority(authority, true);
    }
    if (rest.startsWith("//")) {
      String after = rest.substring(2);
      int end = indexOfAny(after, "/?#");
      String authority = end < 0 ? after : after.substring(0, end);
      return authority(authority, false);
    }
    return true;
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean authority(String authority, boolean special) {
    int at = authority.lastIndexOf('@');
    String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
    String host = hostPort;
    String port = "";
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        return false;
      }
      host = hostPort.substring(0, close + 1);
      String tail = hostPort.substring(close + 1);
      if (!tail.isEmpty()) {
        if (!tail.startsWith(":")) {
          return false;
        }
        port = tail.substring(1);
      }
      if (!ipv6(host.substring(1, host.length() - 1))) {
        return false;
      }
    } else {
      int c = hostPort.lastIndexOf(':');
      if (c >= 0) {
        host = hostPort.substring(0, c);
        port = hostPort.substring(c + 1);
      }
    }
    if (!port.isEmpty()) {
      if (!port.matches("[0-9]+")) {
        return false;
      }
      if (port.length() > 5 || Integer.parseInt(port) > 65535) {
        return false;
      }
    }
    if (host.startsWith("[")) {
      return true;
    }
    if (special) {
      if (host.isEmpty()) {
        return false;
      }
      String decoded;
      try {
        decoded = java.net.URLDecoder.decode(host.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException ex) {
        return false;
      }
      String ascii;
      try {
        ascii = decoded.chars().allMatch(c -> c < 0x80) ? decoded.toLowerCase(Locale.ROOT)
            : IDN.toASCII(decoded, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException ex) {
        return false;
      }
      for (String label : ascii.split("\\.", -1)) {
        if (label.startsWith("xn--") && IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED).equals(label)) {
          return false;
        }
      }
      for (int i = 0; i < ascii.length(); i++) {
        char ch = ascii.charAt(i);
        if (ch <= ' ' || ch == 0x7F || "#%/:<>?@[\\]^|".indexOf(ch) >= 0) {
          return false;
        }
      }
      return ipv4Ok(ascii);
    }
    for (int i = 0; i < host.length(); i++) {
      char ch = host.charAt(i);
      if (ch < ' ' || ch == ' ' || ch == 0x7F || "#/:<>?@[\\]^|".indexOf(ch) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** An IPv6 address as WHATWG parses it: hex groups, at most one {@code ::}, an optional IPv4 tail. */
  static boolean ipv6(String a) {
    if (a.isEmpty() || !a.matches("[0-9A-Fa-f:.]+")) {
      return false;
    }
    int dc = a.indexOf("::");
    if (dc >= 0 && a.indexOf("::", dc + 1) >= 0) {
      return false;
    }
    String head = dc >= 0 ? a.substring(0, dc) : a;
    String tail = dc >= 0 ? a.substring(dc + 2) : "";
    int groups = 0;
    for (String part : List.of(head, tail)) {
      if (part.isEmpty()) {
        continue;
      }
      String[] g = part.split(":", -1);
      for (int i = 0; i < g.length; i++) {
        boolean last = part == tail || dc < 0 ? i == g.length - 1 : false;
        if (last && g[i].contains(".")) {
          String[] o = g[i].split("\\.", -1);
          if (o.length != 4) {
            return false;
          }
          for (String oct : o) {
            if (!oct.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(oct) > 255) {
              return false;
            }
          }
          groups += 2;
        } else if (g[i].matches("[0-9A-Fa-f]{1,4}")) {
          groups++;
        } else {
          return false;
        }
      }
    }
    return dc >= 0 ? groups <= 7 : groups == 8;
  }

  /** A host whose last label is numeric must be a valid IPv4 address. */
  private static boolean ipv4Ok(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String[] parts = h.split("\\.", -1);
    String last = parts[parts.length - 1];
    if (!isIpv4Number(last)) {
      return true;
    }
    if (parts.length > 4) {
      return false;
    }
    long[] nums = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      if (!isIpv4Number(parts[i])) {
        return false;
      }
      nums[i] = parseIpv4Number(parts[i]);
      if (nums[i] < 0) {
        return false;
      }
    }
    for (int i = 0; i < nums.length - 1; i++) {
      if (nums[i] > 255) {
        return false;
      }
    }
    return nums[nums.length - 1] < Math.pow(256, 5 - nums.length);
  }

  private static boolean isIpv4Number(String s) {
    if (s.isEmpty()) {
      return false;
    }
    if (s.matches("[0-9]+")) {
      return true;
    }
    return s.matches("0[xX][0-9a-fA-F]*");
  }

  private static long parseIpv4Number(String s) {
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) {
        return s.length() == 2 ? 0 : Long.parseLong(s.substring(2), 16);
      }
      if (s.length() > 1 && s.startsWith("0")) {
        return s.matches("[0-7]+") ? Long.parseLong(s, 8) : -1;
      }
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
