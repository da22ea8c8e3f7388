package dev.portolan.scaffolder.internal;

import dev.portolan.scaffolder.TemplateException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pull lexer for the Nunjucks language with configurable output delimiters. */
final class Lexer {

  static final String WHITESPACE = " \n\t\r\u00A0";
  private static final String DELIMS = "()[]{}%*-+~/#,:|.<>=!";
  private static final String[] COMPLEX = {"==", "===", "!=", "!==", "<=", ">=", "//", "**"};

  private final String src;
  private final String name;
  private final String varStart;
  private final String varEnd;
  private final boolean trimBlocks;
  private final boolean lstripBlocks;
  private int index;
  private int line = 1;
  private int col;
  private boolean inCode;

  static final String BLOCK_START = "{%";
  static final String BLOCK_END = "%}";
  static final String COMMENT_START = "{#";
  static final String COMMENT_END = "#}";

  Lexer(String src, String name, Syntax syntax) {
    this.src = src;
    this.name = name;
    this.varStart = syntax.variableStart();
    this.varEnd = syntax.variableEnd();
    this.trimBlocks = syntax.trimBlocks();
    this.lstripBlocks = syntax.lstripBlocks();
  }

  String variableStart() {
    return varStart;
  }

  TemplateException error(String detail, int l, int c) {
    return new TemplateException(name, l, c, detail);
  }

  int line() {
    return line;
  }

  int column() {
    return col + 1;
  }

  private boolean finished() {
    return index >= src.length();
  }

  private char cur() {
    return index < src.length() ? src.charAt(index) : '\0';
  }

  private void forward() {
    if (src.charAt(index) == '\n') {
      line++;
      col = 0;
    } else {
      col++;
    }
    index++;
  }

  private void forwardN(int n) {
    for (int i = 0; i < n; i++) {
      forward();
    }
  }

  private boolean matches(String s) {
    return src.startsWith(s, index);
  }

  private String extractString(String s) {
    if (matches(s)) {
      forwardN(s.length());
      return s;
    }
    return null;
  }

  private String extractWhile(String chars) {
    int start = index;
    while (!finished() && chars.indexOf(cur()) >= 0) {
      forward();
    }
    return src.substring(start, index);
  }

  private String extractUntil(String chars) {
    int start = index;
    while (!finished() && chars.indexOf(cur()) < 0) {
      forward();
    }
    return src.substring(start, index);
  }

  /** Returns the next token, skipping whitespace inside code; null at the end of input. */
  Token next() {
    while (true) {
      Token t = nextRaw();
      if (t == null || t.type() != null) {
        return t;
      }
    }
  }

  private Token nextRaw() {
    int l = line;
    int c = col + 1;
    if (inCode) {
      if (finished()) {
        return null;
      }
      char ch = cur();
      if (ch == '"' || ch == '\'') {
        return new Token(Token.Type.STRING, parseString(ch), l, c);
      }
      if (WHITESPACE.indexOf(ch) >= 0) {
        extractWhile(WHITESPACE);
        return new Token(null, "", l, c);
      }
      String tok;
      if ((tok = extractString(BLOCK_END)) != null || (tok = extractString("-" + BLOCK_END)) != null) {
        inCode = false;
        if (trimBlocks) {
          if (cur() == '\n') {
            forward();
          } else if (cur() == '\r' && index + 1 < src.length() && src.charAt(index + 1) == '\n') {
            forwardN(2);
          }
        }
        return new Token(Token.Type.BLOCK_END, tok, l, c);
      }
      if ((tok = extractString(varEnd)) != null || (tok = extractString("-" + varEnd)) != null) {
        inCode = false;
        return new Token(Token.Type.VARIABLE_END, tok, l, c);
      }
      if (ch == 'r' && index + 1 < src.length() && src.charAt(index + 1) == '/') {
        forwardN(2);
        StringBuilder body = new StringBuilder();
        while (!finished()) {
          if (cur() == '/' && src.charAt(index - 1) != '\\') {
            forward();
            break;
          }
          body.append(cur());
          forward();
        }
        StringBuilder flags = new StringBuilder();
        while (!finished() && "gimy".indexOf(cur()) >= 0) {
          flags.append(cur());
          forward();
        }
        return new Token(Token.Type.REGEX, body.toString(), l, c, flags.toString());
      }
      if (DELIMS.indexOf(ch) >= 0) {
        forward();
        String op = String.valueOf(ch);
        String two = op + cur();
        if (isComplex(two)) {
          forward();
          op = two;
          if (isComplex(two + cur())) {
            op = two + cur();
            forward();
          }
        }
        Token.Type type = switch (op) {
          case "(" -> Token.Type.LEFT_PAREN;
          case ")" -> Token.Type.RIGHT_PAREN;
          case "[" -> Token.Type.LEFT_BRACKET;
          case "]" -> Token.Type.RIGHT_BRACKET;
          case "{" -> Token.Type.LEFT_CURLY;
          case "}" -> Token.Type.RIGHT_CURLY;
          case "," -> Token.Type.COMMA;
          case ":" -> Token.Type.COLON;
          case "~" -> Token.Type.TILDE;
          case "|" -> Token.Type.PIPE;
          default -> Token.Type.OPERATOR;
        };
        return new Token(type, op, l, c);
      }
      tok = extractUntil(WHITESPACE + DELIMS);
      if (isInteger(tok)) {
        if (cur() == '.') {
          forward();
          String dec = extractWhile("0123456789");
          return new Token(Token.Type.FLOAT, tok + "." + dec, l, c);
        }
        return new Token(Token.Type.INT, tok, l, c);
      }
      if (tok.equals("true") || tok.equals("false")) {
        return new Token(Token.Type.BOOLEAN, tok, l, c);
      }
      if (tok.equals("none") || tok.equals("null")) {
        return new Token(Token.Type.NONE, tok, l, c);
      }
      return new Token(Token.Type.SYMBOL, tok, l, c);
    }
    if (finished()) {
      return null;
    }
    String tok;
    if ((tok = extractString(BLOCK_START + "-")) != null || (tok = extractString(BLOCK_START)) != null) {
      inCode = true;
      return new Token(Token.Type.BLOCK_START, tok, l, c);
    }
    if ((tok = extractString(varStart + "-")) != null || (tok = extractString(varStart)) != null) {
      inCode = true;
      return new Token(Token.Type.VARIABLE_START, tok, l, c);
    }
    String begin = "" + BLOCK_START.charAt(0) + varStart.charAt(0) + COMMENT_START.charAt(0) + COMMENT_END.charAt(0);
    StringBuilder sb = new StringBuilder();
    boolean inComment = false;
    if (matches(COMMENT_START)) {
      inComment = true;
      sb.append(extractString(COMMENT_START));
    }
    while (true) {
      sb.append(extractUntil(begin));
      if (finished()) {
        break;
      }
      if (!inComment && (matches(BLOCK_START) || matches(varStart) || matches(COMMENT_START))) {
        if (lstripBlocks && matches(BLOCK_START) && col > 0 && col <= sb.length()) {
          String last = sb.substring(sb.length() - col);
          if (Js.isBlank(last) && !last.isEmpty()) {
            sb.setLength(sb.length() - col);
            if (sb.length() == 0) {
              return nextRaw();
            }
          }
        }
        break;
      } else if (matches(COMMENT_END)) {
        if (!inComment) {
          throw error("unexpected end of comment '#}' in text", line, col + 1);
        }
        sb.append(extractString(COMMENT_END));
        inComment = false;
        return new Token(Token.Type.COMMENT, sb.toString(), l, c);
      } else {
        sb.append(cur());
        forward();
      }
    }
    if (inComment) {
      throw error("expected end of comment '#}', found end of template", l, c);
    }
    return new Token(Token.Type.DATA, sb.toString(), l, c);
  }

  private static boolean isComplex(String s) {
    for (String x : COMPLEX) {
      if (x.equals(s)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInteger(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  private String parseString(char delim) {
    int l = line;
    int c = col + 1;
    forward();
    StringBuilder sb = new StringBuilder();
    while (!finished() && cur() != delim) {
      char ch = cur();
      if (ch == '\\') {
        forward();
        if (finished()) {
          break;
        }
        switch (cur()) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          default -> sb.append(cur());
        }
        forward();
      } else {
        sb.append(ch);
        forward();
      }
    }
    if (finished()) {
      throw error("expected closing " + delim + " of the string literal, found end of template", l, c);
    }
    forward();
    return sb.toString();
  }

  /**
   * Extracts the body of a raw/verbatim block: everything up to the matching end tag (nested
   * raw tags of the same name are counted). The end tag is consumed.
   */
  String extractRaw(String tag, int l, int c) {
    Pattern p = Pattern.compile("\\{%[\\s\\u00A0\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF\\u1680]*("
        + tag + "|end" + tag + ")[\\s\\u00A0\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF\\u1680]*%\\}");
    Matcher m = p.matcher(src);
    int level = 1;
    StringBuilder out = new StringBuilder();
    int pos = index;
    while (m.find(pos)) {
      String pre = src.substring(pos, m.start());
      if (m.group(1).equals(tag)) {
        level++;
      } else {
        level--;
      }
      if (level == 0) {
        out.append(pre);
        forwardN(m.end() - index);
        return out.toString();
      }
      out.append(pre).append(m.group());
      pos = m.end();
    }
    throw error("expected {% end" + tag + " %} to close the " + tag + " block, found end of template", l, c);
  }
}
