package dev.portolan.scaffolder.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes JSON data as YAML text exactly as Backstage's {@code catalog:write} does, which calls the {@code yaml}
 * package's {@code stringify} with its defaults: block style, two-space indentation with sequences indented
 * under their key, empty collections as {@code []}/{@code {}}, plain scalars where a YAML 1.2 core-schema
 * reader gives back the same string, double quotes otherwise (single quotes for text with {@code "} and no
 * {@code '}), literal blocks for multi-line text (folded when a line is too long), and lines folded at 80
 * columns.
 */
final class YamlWriter {

  private static final int LINE_WIDTH = 80;
  private static final int MIN_CONTENT_WIDTH = 20;
  private static final String STEP = "  ";

  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\x{D800}-\\x{DFFF}]");
  private static final Pattern NOT_PLAIN = Pattern.compile(
      "^[\\n\\t ,\\[\\]{}#&*!|>'\"%@`]|^[?-]$|^[?-][ \\t]|[\\n:][ \\t]|[ \\t]\\n|[\\n\\t ]#|[\\n\\t :]$");
  private static final Pattern DOCUMENT_MARKER = Pattern.compile("^(%|---|\\.\\.\\.)", Pattern.MULTILINE);
  /** Strings a YAML 1.2 core-schema reader would take for null, a boolean or a number. */
  private static final List<Pattern> CORE_TYPES = List.of(
      Pattern.compile("^(?:~|[Nn]ull|NULL)?$"),
      Pattern.compile("^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$"),
      Pattern.compile("^0o[0-7]+$"),
      Pattern.compile("^[-+]?[0-9]+$"),
      Pattern.compile("^0x[0-9a-fA-F]+$"),
      Pattern.compile("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$"),
      Pattern.compile("^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$"),
      Pattern.compile("^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$"));

  private enum Fold { FLOW, BLOCK, QUOTED }

  /** Where a scalar is written. */
  private record Ctx(String indent, boolean implicitKey, Integer indentAtStart) {}

  private YamlWriter() {}

  /**
   * The YAML document for a value, ending with a newline.
   *
   * @param value JSON data
   * @return the text
   */
  static String write(JsonNode value) {
    return node(value, new Ctx("", false, null)) + "\n";
  }

  private static String node(JsonNode v, Ctx ctx) {
    if (v.isObject()) {
      return v.isEmpty() ? "{}" : map(v, ctx.indent());
    }
    if (v.isArray()) {
      return v.isEmpty() ? "[]" : seq(v, ctx.indent());
    }
    return scalar(v, ctx);
  }

  private static String scalar(JsonNode v, Ctx ctx) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isBoolean()) {
      return v.asBoolean() ? "true" : "false";
    }
    if (v.isNumber()) {
      if (v.isIntegralNumber()) {
        return v.bigIntegerValue().toString();
      }
      double d = v.doubleValue();
      if (Double.isNaN(d)) {
        return ".nan";
      }
      if (Double.isInfinite(d)) {
        return d < 0 ? "-.inf" : ".inf";
      }
      return Js.toStr(d);
    }
    return string(v.asText(), ctx);
  }

  private static String map(JsonNode m, String indent) {
    List<String> lines = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = m.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String inner = indent + STEP;
      String key = string(e.getKey(), new Ctx(inner, true, null)) + ":";
      JsonNode v = e.getValue();
      String str;
      if ((v.isObject() || v.isArray()) && !v.isEmpty()) {
        // a block sequence is indented under its key (indentSeq)
        str = key + "\n" + inner + node(v, new Ctx(inner, false, null));
      } else if (v.isObject() || v.isArray()) {
        str = key + " " + node(v, new Ctx(inner, false, null));
      } else {
        String value = scalar(v, new Ctx(inner, false, key.length() + 1));
        str = key + (value.isEmpty() || value.charAt(0) == '\n' ? "" : " ") + value;
      }
      lines.add(str);
    }
    return String.join("\n" + indent, lines);
  }

  private static String seq(JsonNode a, String indent) {
    List<String> lines = new ArrayList<>();
    String inner = indent + STEP;
    for (JsonNode v : a) {
      lines.add("- " + node(v, new Ctx(inner, false, null)));
    }
    return String.join("\n" + indent, lines);
  }

  // ---------------------------------------------------------------- strings

  private static String string(String value, Ctx ctx) {
    if (CONTROL.matcher(value).find()) {
      return doubleQuoted(value, ctx);
    }
    return plain(value, ctx);
  }

  private static String plain(String value, Ctx ctx) {
    boolean multiLine = value.indexOf('\n') >= 0;
    if (ctx.implicitKey() && multiLine) {
      return quoted(value, ctx);
    }
    if (NOT_PLAIN.matcher(value).find()) {
      return ctx.implicitKey() || !multiLine ? quoted(value, ctx) : block(value, ctx, false);
    }
    if (!ctx.implicitKey() && multiLine) {
      return block(value, ctx, false);
    }
    if (DOCUMENT_MARKER.matcher(value).find()) {
      if (ctx.indent().isEmpty()) {
        return block(value, ctx, true);
      } else if (ctx.implicitKey() && ctx.indent().equals(STEP)) {
        return quoted(value, ctx);
      }
    }
    for (Pattern p : CORE_TYPES) {
      if (p.matcher(value).find()) {
        return quoted(value, ctx);
      }
    }
    return ctx.implicitKey() ? value : fold(value, ctx.indent(), Fold.FLOW, ctx.indentAtStart());
  }

  private static String quoted(String value, Ctx ctx) {
    boolean hasDouble = value.indexOf('"') >= 0;
    boolean hasSingle = value.indexOf('\'') >= 0;
    return hasDouble && !hasSingle ? singleQuoted(value, ctx) : doubleQuoted(value, ctx);
  }

  private static String singleQuoted(String value, Ctx ctx) {
    if ((ctx.implicitKey() && value.indexOf('\n') >= 0) || Pattern.compile("[ \\t]\\n|\\n[ \\t]").matcher(value).find()) {
      return doubleQuoted(value, ctx);
    }
    String indent = !ctx.indent().isEmpty() ? ctx.indent() : DOCUMENT_MARKER.matcher(value).find() ? STEP : "";
    String res = "'" + replaceNewlineRuns(value.replace("'", "''"), "\n" + indent) + "'";
    return ctx.implicitKey() ? res : fold(res, indent, Fold.FLOW, ctx.indentAtStart());
  }

  /** Each run of newlines gets {@code suffix} appended. */
  private static String replaceNewlineRuns(String s, String suffix) {
    Matcher m = Pattern.compile("\\n+").matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group() + suffix));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String json(String value) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || (Character.isSurrogate(c) && !pairedSurrogate(value, i))) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static String doubleQuoted(String value, Ctx ctx) {
    String json = json(value);
    String indent = !ctx.indent().isEmpty() ? ctx.indent() : DOCUMENT_MARKER.matcher(value).find() ? STEP : "";
    StringBuilder str = new StringBuilder();
    int start = 0;
    int n = json.length();
    for (int i = 0; i < n; i++) {
      char ch = json.charAt(i);
      if (ch == ' ' && i + 2 < n && json.charAt(i + 1) == '\\' && json.charAt(i + 2) == 'n') {
        str.append(json, start, i).append("\\ ");
        i += 1;
        start = i;
        ch = '\\';
      }
      if (ch == '\\' && i + 1 < n) {
        char next = json.charAt(i + 1);
        if (next == 'u') {
          str.append(json, start, i);
          String code = json.substring(i + 2, i + 6);
          switch (code) {
            case "0000" -> str.append("\\0");
            case "0007" -> str.append("\\a");
            case "000b" -> str.append("\\v");
            case "001b" -> str.append("\\e");
            case "0085" -> str.append("\\N");
            case "00a0" -> str.append("\\_");
            case "2028" -> str.append("\\L");
            case "2029" -> str.append("\\P");
            default -> str.append(code.startsWith("00") ? "\\x" + code.substring(2) : json.substring(i, i + 6));
          }
          i += 5;
          start = i + 1;
        } else if (next == 'n') {
          if (ctx.implicitKey() || (i + 2 < n && json.charAt(i + 2) == '"') || n < 40) {
            i += 1;
          } else {
            str.append(json, start, i).append("\n\n");
            while (i + 4 < n && json.charAt(i + 2) == '\\' && json.charAt(i + 3) == 'n' && json.charAt(i + 4) != '"') {
              str.append('\n');
              i += 2;
            }
            str.append(indent);
            if (i + 2 < n && json.charAt(i + 2) == ' ') {
              str.append('\\');
            }
            i += 1;
            start = i + 1;
          }
        } else {
          i += 1;
        }
      }
    }
    String out = start > 0 ? str.append(json.substring(start)).toString() : json;
    return ctx.implicitKey() ? out : fold(out, indent, Fold.QUOTED, ctx.indentAtStart());
  }

  private static boolean lineLengthOverLimit(String s, int indentLength) {
    int limit = LINE_WIDTH - indentLength;
    int len = s.length();
    if (len <= limit) {
      return false;
    }
    for (int i = 0, start = 0; i < len; ++i) {
      if (s.charAt(i) == '\n') {
        if (i - start > limit) {
          return true;
        }
        start = i + 1;
        if (len - start <= limit) {
          return false;
        }
      }
    }
    return true;
  }

  private static String block(String original, Ctx ctx, boolean forceIndent) {
    if (Pattern.compile("\\n[\\t ]+$").matcher(original).find()) {
      return quoted(original, ctx);
    }
    String value = original;
    String indent = !ctx.indent().isEmpty() ? ctx.indent()
        : forceIndent || DOCUMENT_MARKER.matcher(value).find() ? STEP : "";
    boolean literal = !lineLengthOverLimit(value, indent.length());
    if (value.isEmpty()) {
      return literal ? "|\n" : ">\n";
    }
    int endStart = value.length();
    while (endStart > 0) {
      char ch = value.charAt(endStart - 1);
      if (ch != '\n' && ch != '\t' && ch != ' ') {
        break;
      }
      endStart--;
    }
    String end = value.substring(endStart);
    int endNl = end.indexOf('\n');
    String chomp;
    if (endNl == -1) {
      chomp = "-";
    } else if (value.equals(end) || endNl != end.length() - 1) {
      chomp = "+";
    } else {
      chomp = "";
    }
    if (!end.isEmpty()) {
      value = value.substring(0, value.length() - end.length());
      if (end.charAt(end.length() - 1) == '\n') {
        end = end.substring(0, end.length() - 1);
      }
      end = indentInnerNewlineRuns(end, indent);
    }
    boolean startWithSpace = false;
    int startEnd;
    int startNl = -1;
    for (startEnd = 0; startEnd < value.length(); ++startEnd) {
      char ch = value.charAt(startEnd);
      if (ch == ' ') {
        startWithSpace = true;
      } else if (ch == '\n') {
        startNl = startEnd;
      } else {
        break;
      }
    }
    String start = value.substring(0, startNl < startEnd ? startNl + 1 : startEnd);
    if (!start.isEmpty()) {
      value = value.substring(start.length());
      start = replaceNewlineRuns(start, indent);
    }
    String header = (startWithSpace ? (indent.isEmpty() ? "1" : "2") : "") + chomp;
    if (!literal) {
      String folded = value.replaceAll("\\n+", "\n$0");
      folded = Pattern.compile("(?:^|\\n)([\\t ].*)(?:([\\n\\t ]*)\\n(?![\\n\\t ]))?").matcher(folded)
          .replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) + (mr.group(2) == null ? "" : mr.group(2))));
      folded = replaceNewlineRuns(folded, indent);
      boolean[] overflow = new boolean[1];
      String body = foldWith(start + folded + end, indent, Fold.BLOCK, indent.length(), overflow);
      if (!overflow[0]) {
        return ">" + header + "\n" + indent + body;
      }
    }
    return "|" + header + "\n" + indent + start + replaceNewlineRuns(value, indent) + end;
  }

  /** Newline runs not at the start (after a non-newline) and not at the end get the indent appended. */
  private static String indentInnerNewlineRuns(String s, String indent) {
    Matcher m = Pattern.compile("(^|(?<!\\n))\\n+(?!\\n|$)").matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group() + indent));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  // ---------------------------------------------------------------- folding

  private static String fold(String text, String indent, Fold mode, Integer indentAtStart) {
    return foldWith(text, indent, mode, indentAtStart, new boolean[1]);
  }

  private static char at(String s, int i) {
    return i >= 0 && i < s.length() ? s.charAt(i) : '\0';
  }

  private static String foldWith(String text, String indent, Fold mode, Integer indentAtStart, boolean[] overflowOut) {
    int endStep = Math.max(1 + MIN_CONTENT_WIDTH, 1 + LINE_WIDTH - indent.length());
    if (text.length() <= endStep) {
      return text;
    }
    List<Integer> folds = new ArrayList<>();
    java.util.Set<Integer> escapedFolds = new java.util.HashSet<>();
    int end = LINE_WIDTH - indent.length();
    if (indentAtStart != null) {
      if (indentAtStart > LINE_WIDTH - Math.max(2, MIN_CONTENT_WIDTH)) {
        folds.add(0);
      } else {
        end = LINE_WIDTH - indentAtStart;
      }
    }
    int split = -1;
    char prev = '\0';
    boolean overflow = false;
    int i = -1;
    int escStart = -1;
    int escEnd = -1;
    if (mode == Fold.BLOCK) {
      i = consumeMoreIndentedLines(text, i, indent.length());
      if (i != -1) {
        end = i + endStep;
      }
    }
    char ch;
    while ((ch = at(text, i += 1)) != '\0') {
      if (mode == Fold.QUOTED && ch == '\\') {
        escStart = i;
        switch (at(text, i + 1)) {
          case 'x' -> i += 3;
          case 'u' -> i += 5;
          case 'U' -> i += 9;
          default -> i += 1;
        }
        escEnd = i;
      }
      if (ch == '\n') {
        if (mode == Fold.BLOCK) {
          i = consumeMoreIndentedLines(text, i, indent.length());
        }
        end = i + indent.length() + endStep;
        split = -1;
      } else {
        if (ch == ' ' && prev != '\0' && prev != ' ' && prev != '\n' && prev != '\t') {
          char next = at(text, i + 1);
          if (next != '\0' && next != ' ' && next != '\n' && next != '\t') {
            split = i;
          }
        }
        if (i >= end) {
          if (split > 0) {
            folds.add(split);
            end = split + endStep;
            split = -1;
          } else if (mode == Fold.QUOTED) {
            while (prev == ' ' || prev == '\t') {
              prev = ch;
              ch = at(text, i += 1);
              overflow = true;
            }
            int j = i > escEnd + 1 ? i - 2 : escStart - 1;
            if (escapedFolds.contains(j)) {
              return text;
            }
            folds.add(j);
            escapedFolds.add(j);
            end = j + endStep;
            split = -1;
          } else {
            overflow = true;
          }
        }
      }
      prev = ch;
    }
    overflowOut[0] = overflow;
    if (folds.isEmpty()) {
      return text;
    }
    StringBuilder res = new StringBuilder(text.substring(0, folds.get(0)));
    for (int k = 0; k < folds.size(); ++k) {
      int fold = folds.get(k);
      int stop = k + 1 < folds.size() && folds.get(k + 1) != 0 ? folds.get(k + 1) : text.length();
      if (fold == 0) {
        res = new StringBuilder("\n" + indent + text.substring(0, stop));
      } else {
        if (mode == Fold.QUOTED && escapedFolds.contains(fold)) {
          res.append(text.charAt(fold)).append('\\');
        }
        res.append('\n').append(indent).append(text, fold + 1, stop);
      }
    }
    return res.toString();
  }

  /** Presumes {@code i + 1} starts a line; returns the index of the last newline in a more-indented block. */
  private static int consumeMoreIndentedLines(String text, int i, int indent) {
    int end = i;
    int start = i + 1;
    char ch = at(text, start);
    while (ch == ' ' || ch == '\t') {
      if (i < start + indent) {
        ch = at(text, ++i);
      } else {
        do {
          ch = at(text, ++i);
        } while (ch != '\0' && ch != '\n');
        end = i;
        start = i + 1;
        ch = at(text, start);
      }
    }
    return end;
  }
}
