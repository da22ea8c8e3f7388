package dev.portolan.scaffolder.internal;

import java.util.List;

/** The syntax tree of a template: statements and (already JavaScript-grouped) expressions. */
sealed interface Node {

  int line();

  int col();

  // ---- expressions
  record Lit(Object value, int line, int col) implements Node {}

  record Sym(String name, int line, int col) implements Node {}

  record Lookup(Node target, Node key, int line, int col) implements Node {}

  record Slice(Node target, Node start, Node stop, Node step, int line, int col) implements Node {}

  record ArrayLit(List<Node> items, int line, int col) implements Node {}

  record DictLit(List<String> keys, List<Node> values, int line, int col) implements Node {}

  record KwArgs(List<String> names, List<Node> values) {}

  record Call(Node callee, List<Node> args, KwArgs kwargs, String calleeName, int line, int col) implements Node {}

  record FilterCall(String name, Node target, List<Node> args, KwArgs kwargs, int line, int col) implements Node {}

  record In(Node left, Node right, int line, int col) implements Node {}

  /** A test call; {@code testName} is the JavaScript string form of the right-hand side's name. */
  record IsTest(Node left, String testName, List<Node> args, KwArgs kwargs, int line, int col) implements Node {}

  record Binary(String op, Node left, Node right, int line, int col) implements Node {}

  record Unary(String op, Node operand, int line, int col) implements Node {}

  record Cond(Node cond, Node then, Node otherwise, int line, int col) implements Node {}

  record Comma(List<Node> items, int line, int col) implements Node {}

  /** A nunjucks-level grouping marker used only while parsing (flattened before evaluation). */
  record Flat(List<Object> parts, int line, int col) implements Node {}

  // ---- statements
  record Text(String text, int line, int col) implements Node {}

  record Output(Node expr, int line, int col) implements Node {}

  record Body(List<Node> nodes, int line, int col) implements Node {}

  record If(Node cond, Body then, Node otherwise, int line, int col) implements Node {}

  record For(List<String> targets, Node iter, Body body, Body otherwise, boolean multi, int line, int col)
      implements Node {}

  record Set(List<String> targets, Node value, Body body, int line, int col) implements Node {}

  record Param(String name, Node defaultValue) {}

  record Macro(String name, List<Param> params, Body body, boolean exportToContext, boolean caller,
      int line, int col) implements Node {}

  record CallBlock(Call call, Macro caller, int line, int col) implements Node {}

  record FilterBlock(String name, List<Node> args, KwArgs kwargs, Body body, int line, int col) implements Node {}

  record Switch(Node expr, List<Node> cases, List<Body> bodies, Body defaultBody, int line, int col)
      implements Node {}

  record Block(String name, Body body, int line, int col) implements Node {}

  // ---- after slot resolution (nunjucks binds some names at compile time to JavaScript variables)

  /** A name bound at compile time: reads the variable slot, never the runtime scope. */
  record SlotRef(int slot, String name, int line, int col) implements Node {}

  record RFor(List<String> targets, Node iter, Body bodyArray, Body bodyObject, Body otherwise, boolean multi,
      List<Integer> arraySlots, int keySlot, int valueSlot, int singleSlot, int lenSlot, int line, int col)
      implements Node {}

  record RSet(List<String> targets, List<Integer> slots, Node value, Body body, List<Integer> captureSlots,
      int line, int col) implements Node {}

  record RMacro(String name, List<String> argNames, List<Integer> argSlots, List<Param> kwParams, Body body,
      List<Integer> declared, int funcSlot, boolean exportToContext, boolean caller, int line, int col)
      implements Node {}

  record RCallBlock(Call call, RMacro caller, List<Integer> wrapperSlots, int line, int col) implements Node {}

  record RFilterBlock(String name, List<Node> args, KwArgs kwargs, Body body, List<Integer> captureSlots,
      int line, int col) implements Node {}

  record RBlock(String name, Body body, List<Integer> declared, int line, int col) implements Node {}

  /** A resolved template: the root body and the slots its top-level function declares. */
  record Root(Body body, List<Integer> declared) {}
}
