package dev.portolan.scaffolder.internal;

import dev.portolan.scaffolder.TemplateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recursive-descent parser with nunjucks 3.2.4's grammar. Operators are first collected in the order
 * nunjucks writes them out and then grouped with JavaScript precedence, which is what nunjucks' compiled
 * output does (so {@code 1 ~ 2 + 3} is {@code "123"} and {@code not 1 + 1} is {@code 1}).
 */
final class Parser {

  private static final List<String> COMPARE_OPS = List.of("==", "===", "!=", "!==", "<", ">", "<=", ">=");

  private final Lexer lexer;
  private final String name;
  private final int maxDepth;
  private Token peeked;
  private boolean dropLeadingWhitespace;
  private List<String> breakOnBlocks;
  private int depth;
  /** Nesting of scopes that push a runtime frame (for loops, caller bodies); 0 = a root-like scope. */
  private int frameDepth;

  Parser(String src, String name, Syntax syntax, int maxDepth) {
    this.lexer = new Lexer(src, name, syntax);
    this.name = name;
    this.maxDepth = maxDepth;
  }

  Node.Body parseRoot() {
    Node.Body body = parseNodes();
    Token t = peek();
    if (t != null) {
      throw fail("unexpected tag {% " + t.value() + " %} at top level", t);
    }
    return body;
  }

  // ---------------------------------------------------------------- token helpers

  private Token next() {
    if (peeked != null) {
      Token t = peeked;
      peeked = null;
      return t;
    }
    return lexer.next();
  }

  private Token peek() {
    if (peeked == null) {
      peeked = lexer.next();
    }
    return peeked;
  }

  private void push(Token t) {
    if (peeked != null) {
      throw new IllegalStateException("lookahead overflow");
    }
    peeked = t;
  }

  private TemplateException fail(String msg, Token at) {
    if (at == null) {
      return new TemplateException(name, lexer.line(), lexer.column(), msg);
    }
    return new TemplateException(name, at.line(), at.column(), msg);
  }

  private TemplateException fail(String msg, int line, int col) {
    return new TemplateException(name, line, col, msg);
  }

  private static String describe(Token t) {
    if (t == null) {
      return "end of template";
    }
    return switch (t.type()) {
      case STRING -> "string \"" + t.value() + "\"";
      case DATA -> "text";
      default -> "'" + t.value() + "'";
    };
  }

  private boolean skip(Token.Type type) {
    Token t = next();
    if (t == null || t.type() != type) {
      if (t != null) {
        push(t);
      }
      return false;
    }
    return true;
  }

  private boolean skipValue(Token.Type type, String value) {
    Token t = next();
    if (t == null || t.type() != type || !t.value().equals(value)) {
      if (t != null) {
        push(t);
      }
      return false;
    }
    return true;
  }

  private boolean skipSymbol(String value) {
    return skipValue(Token.Type.SYMBOL, value);
  }

  private Token expect(Token.Type type, String what) {
    Token t = next();
    if (t == null || t.type() != type) {
      throw fail("expected " + what + ", found " + describe(t), t);
    }
    return t;
  }

  private void advanceAfterBlockEnd(String tag) {
    Token t = next();
    if (t != null && t.type() == Token.Type.BLOCK_END) {
      if (t.value().charAt(0) == '-') {
        dropLeadingWhitespace = true;
      }
    } else {
      throw fail("expected end of the " + tag + " tag '%}', found " + describe(t), t);
    }
  }

  private String advanceAfterBlockEndNamed() {
    Token t = peek();
    if (t == null) {
      throw fail("unexpected end of template", (Token) null);
    }
    if (t.type() != Token.Type.SYMBOL) {
      throw fail("expected a tag name, found " + describe(t), t);
    }
    String tag = next().value();
    advanceAfterBlockEnd(tag);
    return tag;
  }

  private void advanceAfterVariableEnd() {
    Token t = next();
    if (t != null && t.type() == Token.Type.VARIABLE_END) {
      if (t.value().charAt(0) == '-') {
        dropLeadingWhitespace = true;
      }
    } else {
      throw fail("expected end of output '}}', found " + describe(t), t);
    }
  }

  private void enter(Token at) {
    if (++depth > maxDepth) {
      throw fail("template nesting deeper than the limit of " + maxDepth, at);
    }
  }

  // ---------------------------------------------------------------- statements

  private Node.Body parseNodes() {
    List<Node> buf = new ArrayList<>();
    int line = lexer.line();
    int col = lexer.column();
    Token tok;
    while ((tok = next()) != null) {
      switch (tok.type()) {
        case DATA -> {
          String data = tok.value();
          Token nt = peek();
          if (dropLeadingWhitespace) {
            data = Js.trimStart(data);
            dropLeadingWhitespace = false;
          }
          if (nt != null && ((nt.type() == Token.Type.BLOCK_START && nt.value().endsWith("-"))
              || (nt.type() == Token.Type.VARIABLE_START && nt.value().length() > lexer.variableStart().length()
                  && nt.value().charAt(lexer.variableStart().length()) == '-')
              || (nt.type() == Token.Type.COMMENT && nt.value().length() > 2 && nt.value().charAt(2) == '-'))) {
            data = Js.trimEnd(data);
          }
          buf.add(new Node.Text(data, tok.line(), tok.column()));
        }
        case BLOCK_START -> {
          dropLeadingWhitespace = false;
          Node n = parseStatement();
          if (n == null) {
            return new Node.Body(buf, line, col);
          }
          buf.add(n);
        }
        case VARIABLE_START -> {
          enter(tok);
          Node e = parseExpression();
          depth--;
          dropLeadingWhitespace = false;
          advanceAfterVariableEnd();
          buf.add(new Node.Output(e, tok.line(), tok.column()));
        }
        case COMMENT -> {
          String v = tok.value();
          dropLeadingWhitespace = v.length() >= 3 && v.charAt(v.length() - 3) == '-';
        }
        default -> throw fail("unexpected " + describe(tok) + " at top level", tok);
      }
    }
    return new Node.Body(buf, line, col);
  }

  private Node.Body parseUntilBlocks(String... names) {
    List<String> prev = breakOnBlocks;
    breakOnBlocks = Arrays.asList(names);
    Node.Body body = parseNodes();
    breakOnBlocks = prev;
    return body;
  }

  private Node parseStatement() {
    Token tok = peek();
    if (tok == null) {
      throw fail("expected a tag name, found end of template", (Token) null);
    }
    if (tok.type() != Token.Type.SYMBOL) {
      throw fail("expected a tag name, found " + describe(tok), tok);
    }
    if (breakOnBlocks != null && breakOnBlocks.contains(tok.value())) {
      return null;
    }
    enter(tok);
    try {
      return switch (tok.value()) {
        case "raw", "verbatim" -> parseRaw(tok.value());
        case "if", "elif", "elseif" -> parseIf();
        case "for" -> parseFor();
        case "set" -> parseSet();
        case "macro" -> parseMacro();
        case "call" -> parseCall();
        case "filter" -> parseFilterStatement();
        case "switch" -> parseSwitch();
        case "block" -> parseBlock();
        case "extends", "include", "import", "from" ->
            throw fail("the '" + tok.value() + "' tag needs a template loader, which templates cannot use", tok);
        default -> throw fail("unknown tag '" + tok.value() + "'", tok);
      };
    } finally {
      depth--;
    }
  }

  private Node parseRaw(String tag) {
    Token start = next();
    advanceAfterBlockEnd(tag);
    String text = lexer.extractRaw(tag, start.line(), start.column());
    return new Node.Text(text, start.line(), start.column());
  }

  private Node.Body expectEnd(String... names) {
    Node.Body body = parseUntilBlocks(names);
    Token t = peek();
    if (t == null) {
      throw fail("expected {% " + String.join(" %} or {% ", names) + " %}, found end of template", (Token) null);
    }
    return body;
  }

  private Node parseIf() {
    Token tag = next();
    Node cond = parseExpression();
    advanceAfterBlockEnd(tag.value());
    Node.Body body = expectEnd("elif", "elseif", "else", "endif");
    Token t = peek();
    Node otherwise;
    switch (t.value()) {
      case "elif", "elseif" -> otherwise = parseIf();
      case "else" -> {
        advanceAfterBlockEndNamed();
        otherwise = expectEnd("endif");
        advanceAfterBlockEndNamed();
      }
      case "endif" -> {
        otherwise = null;
        advanceAfterBlockEndNamed();
      }
      default -> throw fail("expected {% elif %}, {% else %} or {% endif %}, found " + describe(t), t);
    }
    return new Node.If(cond, body, otherwise, tag.line(), tag.column());
  }

  private String loopTarget() {
    Token t = next();
    if (t == null || t.type() != Token.Type.SYMBOL) {
      throw fail("expected a variable name in for loop, found " + describe(t), t);
    }
    return t.value();
  }

  private Node parseFor() {
    Token tag = next();
    List<String> targets = new ArrayList<>();
    targets.add(loopTarget());
    boolean multi = false;
    if (peek() != null && peek().type() == Token.Type.COMMA) {
      multi = true;
      while (skip(Token.Type.COMMA)) {
        targets.add(loopTarget());
      }
    }
    if (!skipSymbol("in")) {
      throw fail("expected 'in' in for loop, found " + describe(peek()), peek());
    }
    Node iter = parseExpression();
    advanceAfterBlockEnd("for");
    frameDepth++;
    Node.Body body = expectEnd("endfor", "else");
    Node.Body otherwise = null;
    if (skipSymbol("else")) {
      advanceAfterBlockEnd("else");
      otherwise = expectEnd("endfor");
    }
    frameDepth--;
    advanceAfterBlockEndNamed();
    return new Node.For(targets, iter, body, otherwise, multi, tag.line(), tag.column());
  }

  private Node parseSet() {
    Token tag = next();
    List<String> targets = new ArrayList<>();
    while (true) {
      Token t = next();
      if (t == null || t.type() != Token.Type.SYMBOL) {
        throw fail("expected a variable name in set, found " + describe(t), t);
      }
      targets.add(t.value());
      if (!skip(Token.Type.COMMA)) {
        break;
      }
    }
    if (!skipValue(Token.Type.OPERATOR, "=")) {
      if (!skip(Token.Type.BLOCK_END)) {
        throw fail("expected '=' or '%}' in set, found " + describe(peek()), peek());
      }
      Node.Body body = expectEnd("endset");
      advanceAfterBlockEndNamed();
      return new Node.Set(targets, null, body, tag.line(), tag.column());
    }
    Node value = parseExpression();
    advanceAfterBlockEnd("set");
    return new Node.Set(targets, value, null, tag.line(), tag.column());
  }

  private List<Node.Param> parseFormals(Token at) {
    Signature sig = parseSignature(false);
    List<Node.Param> params = new ArrayList<>();
    for (Node n : sig.args) {
      if (!(n instanceof Node.Sym s)) {
        throw fail("expected a parameter name", n.line(), n.col());
      }
      params.add(new Node.Param(s.name(), null));
    }
    for (int i = 0; i < sig.kwargs.names().size(); i++) {
      params.add(new Node.Param(sig.kwargs.names().get(i), sig.kwargs.values().get(i)));
    }
    return params;
  }

  private Node parseMacro() {
    Token tag = next();
    Token nameTok = next();
    if (nameTok == null || nameTok.type() != Token.Type.SYMBOL) {
      throw fail("expected a macro name, found " + describe(nameTok), nameTok);
    }
    if (peek() == null || peek().type() != Token.Type.LEFT_PAREN) {
      throw fail("expected '(' after the macro name, found " + describe(peek()), peek());
    }
    List<Node.Param> params = parseFormals(tag);
    advanceAfterBlockEnd("macro");
    int saved = frameDepth;
    frameDepth = 0;
    Node.Body body = expectEnd("endmacro");
    frameDepth = saved;
    advanceAfterBlockEndNamed();
    return new Node.Macro(nameTok.value(), params, body, frameDepth == 0, false, tag.line(), tag.column());
  }

  private Node parseCall() {
    Token tag = next();
    List<Node.Param> callerParams = List.of();
    if (peek() != null && peek().type() == Token.Type.LEFT_PAREN) {
      callerParams = parseFormals(tag);
    }
    Node target = finish(parsePrimary(false));
    if (!(target instanceof Node.Call call)) {
      throw fail("expected a macro call after 'call'", tag);
    }
    advanceAfterBlockEnd("call");
    frameDepth++;
    Node.Body body = expectEnd("endcall");
    frameDepth--;
    advanceAfterBlockEndNamed();
    Node.Macro caller = new Node.Macro("caller", callerParams, body, false, true, tag.line(), tag.column());
    return new Node.CallBlock(call, caller, tag.line(), tag.column());
  }

  private String parseFilterName() {
    Token t = expect(Token.Type.SYMBOL, "a filter name");
    StringBuilder sb = new StringBuilder(t.value());
    while (skipValue(Token.Type.OPERATOR, ".")) {
      sb.append('.').append(expect(Token.Type.SYMBOL, "a filter name").value());
    }
    return sb.toString();
  }

  private Node parseFilterStatement() {
    Token tag = next();
    String filter = parseFilterName();
    Signature sig = peek() != null && peek().type() == Token.Type.LEFT_PAREN
        ? parseSignature(false) : new Signature(List.of(), new Node.KwArgs(List.of(), List.of()));
    advanceAfterBlockEnd("filter");
    Node.Body body = expectEnd("endfilter");
    advanceAfterBlockEndNamed();
    return new Node.FilterBlock(filter, sig.args, sig.kwargs, body, tag.line(), tag.column());
  }

  private Node parseSwitch() {
    Token tag = next();
    Node expr = parseExpression();
    advanceAfterBlockEnd("switch");
    expectEnd("case", "default", "endswitch");
    Token tok = peek();
    List<Node> cases = new ArrayList<>();
    List<Node.Body> bodies = new ArrayList<>();
    do {
      skipSymbol("case");
      cases.add(parseExpression());
      advanceAfterBlockEnd("case");
      bodies.add(expectEnd("case", "default", "endswitch"));
      tok = peek();
    } while (tok != null && tok.value().equals("case"));
    Node.Body def = null;
    switch (tok.value()) {
      case "default" -> {
        advanceAfterBlockEndNamed();
        def = expectEnd("endswitch");
        advanceAfterBlockEndNamed();
      }
      case "endswitch" -> advanceAfterBlockEndNamed();
      default -> throw fail("expected {% case %}, {% default %} or {% endswitch %}, found " + describe(tok), tok);
    }
    return new Node.Switch(expr, cases, bodies, def, tag.line(), tag.column());
  }

  private Node parseBlock() {
    Token tag = next();
    Token nameTok = next();
    if (nameTok == null || nameTok.type() != Token.Type.SYMBOL) {
      throw fail("expected a block name, found " + describe(nameTok), nameTok);
    }
    advanceAfterBlockEnd("block");
    int saved = frameDepth;
    frameDepth = 0;
    Node.Body body = expectEnd("endblock");
    frameDepth = saved;
    skipSymbol("endblock");
    skipSymbol(nameTok.value());
    Token t = peek();
    if (t == null) {
      throw fail("expected {% endblock %}, found end of template", (Token) null);
    }
    advanceAfterBlockEnd("endblock");
    return new Node.Block(nameTok.value(), body, tag.line(), tag.column());
  }

  // ---------------------------------------------------------------- expressions

  record Signature(List<Node> args, Node.KwArgs kwargs) {}

  private Signature parseSignature(boolean noParens) {
    Token tok = next(); // '('
    List<Node> args = new ArrayList<>();
    List<String> kwNames = new ArrayList<>();
    List<Node> kwValues = new ArrayList<>();
    boolean checkComma = false;
    while (true) {
      tok = peek();
      if (tok == null) {
        throw fail("expected ')' to close the argument list, found end of template", (Token) null);
      }
      if (tok.type() == Token.Type.RIGHT_PAREN) {
        next();
        break;
      }
      if (checkComma && !skip(Token.Type.COMMA)) {
        throw fail("expected ',' between arguments, found " + describe(peek()), peek());
      }
      Node arg = parseExpression();
      if (skipValue(Token.Type.OPERATOR, "=")) {
        if (!(arg instanceof Node.Sym s)) {
          throw fail("expected a name before '=' in the argument list", arg.line(), arg.col());
        }
        kwNames.add(s.name());
        kwValues.add(parseExpression());
      } else {
        args.add(arg);
      }
      checkComma = true;
    }
    return new Signature(args, new Node.KwArgs(kwNames, kwValues));
  }

  /** Parses a full expression and groups it with JavaScript precedence. */
  Node parseExpression() {
    Token at = peek();
    enter(at);
    try {
      return finish(parseInlineIf());
    } finally {
      depth--;
    }
  }

  private Node parseInlineIf() {
    Node node = parseOr();
    if (skipSymbol("if")) {
      Node cond = parseOr();
      Node otherwise = skipSymbol("else") ? parseOr() : null;
      List<Object> parts = new ArrayList<>();
      parts.add("(");
      splice(parts, cond);
      parts.add("?");
      splice(parts, node);
      parts.add(":");
      if (otherwise == null) {
        parts.add(new Node.Lit("", node.line(), node.col()));
      } else {
        splice(parts, otherwise);
      }
      parts.add(")");
      return new Node.Flat(parts, node.line(), node.col());
    }
    return node;
  }

  private static void splice(List<Object> parts, Node n) {
    if (n instanceof Node.Flat f) {
      parts.addAll(f.parts());
    } else {
      parts.add(n);
    }
  }

  private static Node binary(Node left, String op, Node right) {
    List<Object> parts = new ArrayList<>();
    splice(parts, left);
    parts.add(op);
    splice(parts, right);
    return new Node.Flat(parts, left.line(), left.col());
  }

  private Node parseOr() {
    Node node = parseAnd();
    while (skipSymbol("or")) {
      node = binary(node, "||", parseAnd());
    }
    return node;
  }

  private Node parseAnd() {
    Node node = parseNot();
    while (skipSymbol("and")) {
      node = binary(node, "&&", parseNot());
    }
    return node;
  }

  private Node parseNot() {
    Token t = peek();
    if (skipSymbol("not")) {
      enter(t);
      Node inner = parseNot();
      depth--;
      List<Object> parts = new ArrayList<>();
      parts.add("!");
      splice(parts, inner);
      return new Node.Flat(parts, t.line(), t.column());
    }
    return parseIn();
  }

  private Node parseIn() {
    Node node = parseIs();
    while (true) {
      Token t = next();
      if (t == null) {
        break;
      }
      boolean invert = t.type() == Token.Type.SYMBOL && t.value().equals("not");
      if (!invert) {
        push(t);
      }
      if (skipSymbol("in")) {
        Node right = parseIs();
        node = new Node.In(finish(node), finish(right), node.line(), node.col());
        if (invert) {
          List<Object> parts = new ArrayList<>();
          parts.add("!");
          parts.add(node);
          node = new Node.Flat(parts, node.line(), node.col());
        }
      } else {
        if (invert) {
          // put back the 'not': it belongs to an enclosing construct
          Token pending = peeked;
          peeked = null;
          push(t);
          if (pending != null) {
            throw fail("unexpected 'not' before " + describe(pending), t);
          }
        }
        break;
      }
    }
    return node;
  }

  private Node parseIs() {
    Node node = parseCompare();
    if (skipSymbol("is")) {
      boolean not = skipSymbol("not");
      Node right = parseCompare();
      String testName;
      List<Node> args = List.of();
      Node.KwArgs kw = new Node.KwArgs(List.of(), List.of());
      if (right instanceof Node.Call c) {
        testName = c.calleeName();
        args = c.args();
        kw = c.kwargs();
      } else if (right instanceof Node.FilterCall f) {
        testName = f.name();
        List<Node> a = new ArrayList<>();
        a.add(f.target());
        a.addAll(f.args());
        args = a;
        kw = f.kwargs();
      } else if (right instanceof Node.Sym s) {
        testName = s.name();
      } else if (right instanceof Node.Lit l) {
        testName = Js.toStr(l.value());
      } else {
        testName = "undefined";
      }
      List<Object> parts = new ArrayList<>();
      if (not) {
        parts.add("!");
      }
      parts.add(new Node.IsTest(finish(node), testName, args, kw, node.line(), node.col()));
      parts.add("===");
      parts.add(new Node.Lit(Boolean.TRUE, node.line(), node.col()));
      return new Node.Flat(parts, node.line(), node.col());
    }
    return node;
  }

  private Node parseCompare() {
    Node expr = parseConcat();
    List<Object> parts = null;
    while (true) {
      Token t = next();
      if (t == null) {
        break;
      }
      if (t.type() == Token.Type.OPERATOR && COMPARE_OPS.contains(t.value())) {
        if (parts == null) {
          parts = new ArrayList<>();
          splice(parts, expr);
        }
        parts.add(t.value());
        splice(parts, parseConcat());
      } else {
        push(t);
        break;
      }
    }
    return parts == null ? expr : new Node.Flat(parts, expr.line(), expr.col());
  }

  private Node parseConcat() {
    Node node = parseAdd();
    while (skip(Token.Type.TILDE)) {
      List<Object> parts = new ArrayList<>();
      splice(parts, node);
      parts.add("+");
      parts.add(new Node.Lit("", node.line(), node.col()));
      parts.add("+");
      splice(parts, parseAdd());
      node = new Node.Flat(parts, node.line(), node.col());
    }
    return node;
  }

  private Node parseAdd() {
    Node node = parseSub();
    while (skipValue(Token.Type.OPERATOR, "+")) {
      node = binary(node, "+", parseSub());
    }
    return node;
  }

  private Node parseSub() {
    Node node = parseMul();
    while (skipValue(Token.Type.OPERATOR, "-")) {
      node = binary(node, "-", parseMul());
    }
    return node;
  }

  private Node parseMul() {
    Node node = parseDiv();
    while (skipValue(Token.Type.OPERATOR, "*")) {
      node = binary(node, "*", parseDiv());
    }
    return node;
  }

  private Node parseDiv() {
    Node node = parseFloorDiv();
    while (skipValue(Token.Type.OPERATOR, "/")) {
      node = binary(node, "/", parseFloorDiv());
    }
    return node;
  }

  private Node parseFloorDiv() {
    Node node = parseMod();
    while (skipValue(Token.Type.OPERATOR, "//")) {
      Node right = parseMod();
      node = new Node.Binary("//", finish(node), finish(right), node.line(), node.col());
    }
    return node;
  }

  private Node parseMod() {
    Node node = parsePow();
    while (skipValue(Token.Type.OPERATOR, "%")) {
      node = binary(node, "%", parsePow());
    }
    return node;
  }

  private Node parsePow() {
    Node node = parseUnary(false);
    while (skipValue(Token.Type.OPERATOR, "**")) {
      Node right = parseUnary(false);
      node = new Node.Binary("**", finish(node), finish(right), node.line(), node.col());
    }
    return node;
  }

  private Node parseUnary(boolean noFilters) {
    Token t = peek();
    Node node;
    if (skipValue(Token.Type.OPERATOR, "-") || skipValue(Token.Type.OPERATOR, "+")) {
      enter(t);
      Node inner = parseUnary(true);
      depth--;
      List<Object> parts = new ArrayList<>();
      parts.add(t.value().equals("-") ? "u-" : "u+");
      splice(parts, inner);
      node = new Node.Flat(parts, t.line(), t.column());
    } else {
      node = parsePrimary(false);
    }
    if (!noFilters) {
      node = parseFilter(node);
    }
    return node;
  }

  private Node parseFilter(Node node) {
    while (skip(Token.Type.PIPE)) {
      String filter = parseFilterName();
      Signature sig = peek() != null && peek().type() == Token.Type.LEFT_PAREN
          ? parseSignature(false) : new Signature(List.of(), new Node.KwArgs(List.of(), List.of()));
      node = new Node.FilterCall(filter, finish(node), sig.args, sig.kwargs, node.line(), node.col());
    }
    return node;
  }

  private Node parsePrimary(boolean noPostfix) {
    Token tok = next();
    if (tok == null) {
      throw fail("expected an expression, found end of template", (Token) null);
    }
    Node node;
    switch (tok.type()) {
      case STRING -> node = new Node.Lit(tok.value(), tok.line(), tok.column());
      case INT -> node = new Node.Lit(Js.parseNumberLiteral(tok.value()), tok.line(), tok.column());
      case FLOAT -> node = new Node.Lit(Js.parseNumberLiteral(tok.value()), tok.line(), tok.column());
      case BOOLEAN -> node = new Node.Lit(tok.value().equals("true"), tok.line(), tok.column());
      case NONE -> node = new Node.Lit(Js.NULL, tok.line(), tok.column());
      case REGEX -> node = new Node.Lit(new JsRegex(tok.value(), tok.regexFlags()), tok.line(), tok.column());
      case SYMBOL -> node = new Node.Sym(tok.value(), tok.line(), tok.column());
      case LEFT_PAREN, LEFT_BRACKET, LEFT_CURLY -> {
        push(tok);
        node = parseAggregate();
      }
      default -> throw fail("expected an expression, found " + describe(tok), tok);
    }
    if (!noPostfix) {
      node = parsePostfix(node);
    }
    return node;
  }

  private Node parseAggregate() {
    Token tok = next();
    enter(tok);
    try {
      Token.Type close = switch (tok.type()) {
        case LEFT_PAREN -> Token.Type.RIGHT_PAREN;
        case LEFT_BRACKET -> Token.Type.RIGHT_BRACKET;
        default -> Token.Type.RIGHT_CURLY;
      };
      List<Node> items = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      while (true) {
        Token t = peek();
        if (t == null) {
          throw fail("expected '" + closeText(close) + "', found end of template", tok);
        }
        if (t.type() == Token.Type.RIGHT_PAREN || t.type() == Token.Type.RIGHT_BRACKET
            || t.type() == Token.Type.RIGHT_CURLY) {
          next();
          break;
        }
        if (!items.isEmpty() && !skip(Token.Type.COMMA)) {
          throw fail("expected ',' or '" + closeText(close) + "', found " + describe(peek()), peek());
        }
        if (close == Token.Type.RIGHT_CURLY) {
          Node key = parsePrimary(false);
          String k;
          if (key instanceof Node.Sym s) {
            k = s.name();
          } else if (key instanceof Node.Lit l && l.value() instanceof String str) {
            k = str;
          } else {
            throw fail("dictionary keys must be strings or names", key.line(), key.col());
          }
          if (!skip(Token.Type.COLON)) {
            throw fail("expected ':' after the dictionary key, found " + describe(peek()), peek());
          }
          keys.add(k);
          items.add(parseExpression());
        } else {
          items.add(parseExpression());
        }
      }
      return switch (close) {
        case RIGHT_BRACKET -> new Node.ArrayLit(items, tok.line(), tok.column());
        case RIGHT_CURLY -> new Node.DictLit(keys, items, tok.line(), tok.column());
        default -> {
          if (items.isEmpty()) {
            throw fail("expected an expression inside '( )'", tok);
          }
          List<Object> parts = new ArrayList<>();
          parts.add("(");
          for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
              parts.add(",");
            }
            parts.add(items.get(i));
          }
          parts.add(")");
          yield new Node.Flat(parts, tok.line(), tok.column());
        }
      };
    } finally {
      depth--;
    }
  }

  private static String closeText(Token.Type t) {
    return switch (t) {
      case RIGHT_PAREN -> ")";
      case RIGHT_BRACKET -> "]";
      default -> "}";
    };
  }

  private Node parsePostfix(Node node) {
    Token tok = peek();
    while (tok != null) {
      if (tok.type() == Token.Type.LEFT_PAREN) {
        Signature sig = parseSignature(false);
        String calleeName = node instanceof Node.Sym s ? s.name()
            : node instanceof Node.Lit l ? Js.toStr(l.value()) : "undefined";
        node = new Node.Call(finish(node), sig.args, sig.kwargs, calleeName, tok.line(), tok.column());
      } else if (tok.type() == Token.Type.LEFT_BRACKET) {
        node = parseSubscript(finish(node));
      } else if (tok.type() == Token.Type.OPERATOR && tok.value().equals(".")) {
        next();
        Token val = next();
        if (val == null || val.type() != Token.Type.SYMBOL) {
          throw fail("expected a name after '.', found " + describe(val), val);
        }
        node = new Node.Lookup(finish(node), new Node.Lit(val.value(), val.line(), val.column()),
            tok.line(), tok.column());
      } else {
        break;
      }
      tok = peek();
    }
    return node;
  }

  /** {@code [expr]} or a Python-style slice {@code [start:stop:step]}. */
  private Node parseSubscript(Node target) {
    Token open = next();
    Node[] parts = new Node[3];
    int idx = 0;
    boolean slice = false;
    while (true) {
      Token t = peek();
      if (t == null) {
        throw fail("expected ']', found end of template", open);
      }
      if (t.type() == Token.Type.RIGHT_BRACKET) {
        next();
        break;
      }
      if (t.type() == Token.Type.COLON) {
        next();
        slice = true;
        idx++;
        if (idx > 2) {
          throw fail("a slice has at most three parts", t);
        }
        continue;
      }
      if (parts[idx] != null) {
        throw fail("expected ']' after the index, found " + describe(t), t);
      }
      parts[idx] = parseExpression();
    }
    if (!slice) {
      if (parts[0] == null) {
        throw fail("expected an index inside '[ ]'", open);
      }
      return new Node.Lookup(target, parts[0], open.line(), open.column());
    }
    return new Node.Slice(target, parts[0], parts[1], parts[2], open.line(), open.column());
  }

  // ---------------------------------------------------------------- JavaScript grouping

  /** Groups a flat operator sequence with JavaScript precedence. */
  Node finish(Node n) {
    if (!(n instanceof Node.Flat f)) {
      return n;
    }
    JsGrouper g = new JsGrouper(f.parts(), name);
    return g.parse();
  }
}
