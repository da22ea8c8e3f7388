package dev.portolan.scaffolder.internal;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A regular expression literal {@code r/.../flags}. */
final class JsRegex {

  final String source;
  final String flags;
  private Pattern pattern;

  JsRegex(String source, String flags) {
    this.source = source;
    StringBuilder sb = new StringBuilder();
    for (char c : new char[] {'g', 'i', 'm', 'y'}) {
      if (flags.indexOf(c) >= 0) {
        sb.append(c);
      }
    }
    this.flags = sb.toString();
  }

  boolean global() {
    return flags.indexOf('g') >= 0;
  }

  Pattern pattern() {
    if (pattern == null) {
      int f = 0;
      if (flags.indexOf('i') >= 0) {
        f |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
      }
      if (flags.indexOf('m') >= 0) {
        f |= Pattern.MULTILINE;
      }
      try {
        pattern = Pattern.compile(source.replace("[^]", "[\\s\\S]"), f);
      } catch (PatternSyntaxException e) {
        throw new JsError("invalid regular expression /" + source + "/: " + e.getDescription());
      }
    }
    return pattern;
  }

  @Override
  public String toString() {
    return "/" + (source.isEmpty() ? "(?:)" : source) + "/" + flags;
  }
}
