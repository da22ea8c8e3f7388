package dev.portolan.scaffolder.internal;

import java.util.regex.Pattern;

/**
 * Glob patterns as globby (fast-glob with micromatch) reads them for {@code fetch:template}'s copy-only lists,
 * with {@code dot: true}: {@code *} and {@code ?} stay within a path segment and also match names starting
 * with a dot, a {@code **} segment matches zero or more segments, {@code [...]} is a character class and
 * {@code {a,b}} a list of alternatives.
 */
final class Globs {

  private Globs() {}

  /** Glob syntax as fast-glob recognises it: wildcards, a closed class, a brace list or range. */
  private static final Pattern DYNAMIC = Pattern.compile("[*?]|\\[[^\\]]*\\]|\\{[^{}]*(?:,|\\.\\.)[^{}]*\\}");

  /**
   * Whether a pattern has glob syntax; otherwise it names one path (so {@code ${{ values.name }}}, whose braces
   * hold no list, is a name).
   */
  static boolean isGlob(String s) {
    return DYNAMIC.matcher(s).find();
  }

  /** The regular expression a pattern stands for, matched against whole relative paths. */
  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    String[] segments = glob.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String seg = segments[i];
      boolean last = i == segments.length - 1;
      if (seg.equals("**")) {
        // zero or more whole segments
        re.append(last ? ".*" : "(?:[^/]*/)*");
        continue;
      }
      segment(seg, re);
      if (!last) {
        re.append('/');
      }
    }
    return Pattern.compile(re.toString());
  }

  private static void segment(String seg, StringBuilder re) {
    int depth = 0;
    for (int i = 0; i < seg.length(); i++) {
      char c = seg.charAt(i);
      switch (c) {
        case '*' -> {
          while (i + 1 < seg.length() && seg.charAt(i + 1) == '*') {
            i++;
          }
          re.append("[^/]*");
        }
        case '?' -> re.append("[^/]");
        case '[' -> {
          int close = seg.indexOf(']', i + 1);
          if (close < 0) {
            re.append("\\[");
          } else {
            String body = seg.substring(i + 1, close);
            if (body.startsWith("!")) {
              body = "^" + body.substring(1);
            }
            re.append('[').append(body.replace("\\", "\\\\")).append(']');
            i = close;
          }
        }
        case '{' -> {
          int close = seg.indexOf('}', i + 1);
          String inner = close < 0 ? "" : seg.substring(i + 1, close);
          if (close < 0 || !(inner.contains(",") || inner.contains(".."))) {
            re.append("\\{");
          } else {
            depth++;
            re.append("(?:");
          }
        }
        case '}' -> {
          if (depth > 0) {
            depth--;
            re.append(')');
          } else {
            re.append("\\}");
          }
        }
        case ',' -> re.append(depth > 0 ? "|" : ",");
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    for (; depth > 0; depth--) {
      re.append(')');
    }
  }
}
