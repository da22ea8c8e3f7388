package dev.portolan.scaffolder.internal;

import dev.portolan.scaffolder.TemplateException;
import java.util.ArrayList;
import java.util.List;

/** Groups a flat sequence of operands and operators with JavaScript operator precedence. */
final class JsGrouper {

  private final List<Object> parts;
  private final String name;
  private int pos;

  JsGrouper(List<Object> parts, String name) {
    this.parts = parts;
    this.name = name;
  }

  Node parse() {
    Node n = ternary();
    if (pos != parts.size()) {
      throw error("unexpected '" + parts.get(pos) + "'");
    }
    return n;
  }

  private TemplateException error(String msg) {
    Node first = null;
    for (Object o : parts) {
      if (o instanceof Node n) {
        first = n;
        break;
      }
    }
    return new TemplateException(name, first == null ? 0 : first.line(), first == null ? 0 : first.col(), msg);
  }

  private boolean at(String op) {
    return pos < parts.size() && parts.get(pos) instanceof String s && s.equals(op);
  }

  private String atAny(String... ops) {
    if (pos < parts.size() && parts.get(pos) instanceof String s) {
      for (String op : ops) {
        if (s.equals(op)) {
          return s;
        }
      }
    }
    return null;
  }

  private Node ternary() {
    Node c = binary(0);
    if (at("?")) {
      pos++;
      Node a = ternary();
      if (!at(":")) {
        throw error("expected ':' in conditional expression");
      }
      pos++;
      Node b = ternary();
      return new Node.Cond(c, a, b, c.line(), c.col());
    }
    return c;
  }

  private static final String[][] LEVELS = {
    {"||"}, {"&&"}, {"==", "!=", "===", "!=="}, {"<", ">", "<=", ">="}, {"+", "-"}, {"*", "/", "%"}
  };

  private Node binary(int level) {
    if (level == LEVELS.length) {
      return unary();
    }
    Node left = binary(level + 1);
    String op;
    while ((op = atAny(LEVELS[level])) != null) {
      pos++;
      Node right = binary(level + 1);
      left = new Node.Binary(op, left, right, left.line(), left.col());
    }
    return left;
  }

  private Node unary() {
    String op = atAny("!", "u-", "u+");
    if (op != null) {
      pos++;
      Node operand = unary();
      return new Node.Unary(op.equals("!") ? "!" : op.substring(1), operand, operand.line(), operand.col());
    }
    return primary();
  }

  private Node primary() {
    if (pos >= parts.size()) {
      throw error("expected an operand, found end of expression");
    }
    Object o = parts.get(pos);
    if (o instanceof Node n) {
      pos++;
      return n;
    }
    if (at("(")) {
      pos++;
      List<Node> items = new ArrayList<>();
      items.add(ternary());
      while (at(",")) {
        pos++;
        items.add(ternary());
      }
      if (!at(")")) {
        throw error("expected ')'");
      }
      pos++;
      return items.size() == 1 ? items.get(0) : new Node.Comma(items, items.get(0).line(), items.get(0).col());
    }
    throw error("unexpected '" + o + "'");
  }
}
