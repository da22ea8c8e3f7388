package dev.portolan.scaffolder.internal;

import dev.portolan.scaffolder.TemplateException;
import java.util.ArrayList;
import java.util.List;

/** Evaluates one parsed template against one context. Single-use, single-thread. */
final class Interpreter {

  final Engine engine;
  final String name;
  private final JsObject ctx;
  private Frame frame;
  private Activation act = new Activation(null, List.of());
  private long work;
  private final long deadline;
  private int depth;
  private long outputChars;
  private Node current;
  final java.util.Random random;

  final boolean jinja;

  private final java.util.Map<String, Object> locals;

  Interpreter(Engine engine, String name, JsObject ctx, boolean jinja, java.util.Map<String, Object> locals) {
    this.jinja = jinja;
    this.locals = locals;
    this.engine = engine;
    this.name = name;
    this.ctx = ctx;
    this.deadline = System.nanoTime() + engine.limits().maxRenderTime().toNanos();
    this.random = new java.util.Random(engine.randomSeed());
    this.frame = new Frame(null, false);
    this.frame.topLevel = true;
  }

  String render(Node.Root root) {
    act = new Activation(null, root.declared());
    StringBuilder out = new StringBuilder();
    execBody(root.body(), out);
    return out.toString();
  }

  /** Evaluates a sole expression to its native value. */
  Object evaluate(Node.Root root, Node expr) {
    act = new Activation(null, root.declared());
    return eval(expr);
  }

  // ---------------------------------------------------------------- budgets

  TemplateException error(String msg) {
    Node at = current;
    return new TemplateException(name, at == null ? 0 : at.line(), at == null ? 0 : at.col(), msg);
  }

  void tick() {
    tick(1);
  }

  void tick(long n) {
    work += n;
    if (work > engine.limits().maxWork()) {
      throw error("render budget exceeded: more than " + engine.limits().maxWork() + " evaluation steps");
    }
    if ((work & 0x3FF) == 0 && System.nanoTime() > deadline) {
      throw error("render budget exceeded: rendering took longer than " + engine.limits().maxRenderTime());
    }
  }

  /** Fails when a string being built would exceed the output budget. */
  void checkLength(long chars) {
    if (chars > engine.limits().maxOutputChars()) {
      throw error("render budget exceeded: a string of " + chars + " characters is longer than the limit of "
          + engine.limits().maxOutputChars());
    }
  }

  private void append(StringBuilder out, String s) {
    outputChars += s.length();
    checkLength(Math.max(outputChars, out.length() + (long) s.length()));
    out.append(s);
  }

  private void enter() {
    if (++depth > engine.limits().maxDepth()) {
      throw error("render budget exceeded: nesting deeper than " + engine.limits().maxDepth());
    }
  }

  // ---------------------------------------------------------------- statements

  private void execBody(Node.Body body, StringBuilder out) {
    for (Node n : body.nodes()) {
      exec(n, out);
    }
  }

  private void exec(Node n, StringBuilder out) {
    tick();
    current = n;
    if (n instanceof Node.Text t) {
      append(out, t.text());
    } else if (n instanceof Node.Output o) {
      append(out, Js.output(eval(o.expr())));
    } else if (n instanceof Node.If i) {
      if (Js.truthy(eval(i.cond()))) {
        execBody(i.then(), out);
      } else if (i.otherwise() instanceof Node.Body b) {
        execBody(b, out);
      } else if (i.otherwise() != null) {
        exec(i.otherwise(), out);
      }
    } else if (n instanceof Node.RFor f) {
      execFor(f, out);
    } else if (n instanceof Node.RSet st) {
      Object v;
      if (st.value() != null) {
        v = eval(st.value());
      } else {
        v = capture(st.body(), st.captureSlots());
      }
      for (int i = 0; i < st.targets().size(); i++) {
        String t = st.targets().get(i);
        act.set(st.slots().get(i), v);
        frame.set(t, v, true);
        if (frame.topLevel) {
          ctx.put(t, v);
        }
      }
    } else if (n instanceof Node.RMacro m) {
      MacroFn fn = new MacroFn(m, act, null);
      act.set(m.funcSlot(), fn);
      if (m.exportToContext()) {
        ctx.put(m.name(), fn);
      } else {
        frame.set(m.name(), fn);
      }
    } else if (n instanceof Node.RCallBlock c) {
      Activation wrapper = new Activation(act, c.wrapperSlots());
      MacroFn caller = new MacroFn(c.caller(), wrapper, frame);
      wrapper.set(c.caller().funcSlot(), caller);
      append(out, Js.output(call(c.call(), caller)));
    } else if (n instanceof Node.RFilterBlock fb) {
      String captured = capture(fb.body(), fb.captureSlots());
      current = fb;
      List<Object> args = new ArrayList<>();
      args.add(captured);
      evalArgs(fb.args(), fb.kwargs(), args);
      append(out, Js.output(applyFilter(fb.name(), args)));
    } else if (n instanceof Node.Switch sw) {
      execSwitch(sw, out);
    } else if (n instanceof Node.RBlock b) {
      Frame saved = frame;
      Activation savedAct = act;
      frame = frame.push(true);
      act = new Activation(null, b.declared());
      try {
        execBody(b.body(), out);
      } finally {
        frame = saved;
        act = savedAct;
      }
    } else if (n instanceof Node.Body b) {
      execBody(b, out);
    } else {
      throw error("unexpected node " + n.getClass().getSimpleName());
    }
  }

  private void execSwitch(Node.Switch sw, StringBuilder out) {
    Object v = eval(sw.expr());
    int matched = -1;
    for (int i = 0; i < sw.cases().size(); i++) {
      if (Js.strictEq(v, eval(sw.cases().get(i)))) {
        matched = i;
        break;
      }
    }
    if (matched < 0) {
      if (sw.defaultBody() != null) {
        execBody(sw.defaultBody(), out);
      }
      return;
    }
    for (int i = matched; i < sw.bodies().size(); i++) {
      Node.Body b = sw.bodies().get(i);
      execBody(b, out);
      if (!b.nodes().isEmpty()) {
        return;
      }
    }
    if (sw.defaultBody() != null) {
      execBody(sw.defaultBody(), out);
    }
  }

  private static Object fromIterator(Object arr) {
    if (arr instanceof SafeStr s) {
      JsArray a = new JsArray();
      s.val.codePoints().forEach(cp -> a.add(new String(Character.toChars(cp))));
      return a;
    }
    return arr;
  }

  private void execFor(Node.RFor f, StringBuilder out) {
    Frame saved = frame;
    frame = frame.push(false);
    try {
      Object arr = eval(f.iter());
      if (Js.truthy(arr)) {
        arr = fromIterator(arr);
        if (f.multi()) {
          if (arr instanceof JsArray a) {
            Object len = (double) a.size();
            act.set(f.lenSlot(), len);
            for (int i = 0; i < a.size(); i++) {
              tick();
              Object item = a.items.get(i);
              for (int u = 0; u < f.targets().size(); u++) {
                if (Js.isNullish(item)) {
                  throw error("cannot unpack " + item + " into the loop variables");
                }
                act.set(f.arraySlots().get(u), Js.get(item, (double) u));
              }
              loopBindings(i, len);
              execBody(f.bodyArray(), out);
            }
          } else {
            List<String> keys = Js.keys(arr);
            Object len = (double) keys.size();
            act.set(f.lenSlot(), len);
            int i = -1;
            for (String k : keys) {
              tick();
              i++;
              Object v = Js.get(arr, k);
              act.set(f.keySlot(), k);
              act.set(f.valueSlot(), v);
              frame.set(f.targets().get(0), k);
              frame.set(f.targets().get(1), v);
              loopBindings(i, len);
              execBody(f.bodyObject(), out);
            }
          }
        } else {
          Object len = Js.length(arr);
          act.set(f.lenSlot(), len);
          for (int i = 0; Js.compare("<", (double) i, Js.length(arr)); i++) {
            tick();
            Object v = Js.get(arr, (double) i);
            act.set(f.singleSlot(), v);
            frame.set(f.targets().get(0), v);
            loopBindings(i, len);
            execBody(f.bodyArray(), out);
          }
        }
      }
      if (f.otherwise() != null && !Js.truthy(act.get(f.lenSlot()))) {
        execBody(f.otherwise(), out);
      }
    } finally {
      frame = saved;
    }
  }

  private String capture(Node.Body body, List<Integer> slots) {
    Activation saved = act;
    act = new Activation(act, slots);
    try {
      StringBuilder cap = new StringBuilder();
      execBody(body, cap);
      return cap.toString();
    } finally {
      act = saved;
    }
  }

  private void loopBindings(int i, Object len) {
    JsObject loop = new JsObject();
    loop.put("index", (double) (i + 1));
    loop.put("index0", (double) i);
    loop.put("revindex", Js.toNumber(len) - i);
    loop.put("revindex0", Js.toNumber(len) - i - 1);
    loop.put("first", i == 0);
    loop.put("last", Js.strictEq((double) i, Js.toNumber(len) - 1));
    loop.put("length", len);
    frame.set("loop", loop);
  }

  // ---------------------------------------------------------------- macros

  /** JavaScript function-scope variables of one activation (root, macro call, capture, block). */
  static final class Activation {
    private final Activation parent;
    private final java.util.Map<Integer, Object> vars = new java.util.HashMap<>();

    Activation(Activation parent, List<Integer> declared) {
      this.parent = parent;
      for (Integer s : declared) {
        vars.put(s, Js.UNDEF);
      }
    }

    Object get(int slot) {
      for (Activation a = this; a != null; a = a.parent) {
        if (a.vars.containsKey(slot)) {
          return a.vars.get(slot);
        }
      }
      return Js.UNDEF;
    }

    void set(int slot, Object value) {
      for (Activation a = this; a != null; a = a.parent) {
        if (a.vars.containsKey(slot)) {
          a.vars.put(slot, value);
          return;
        }
      }
      vars.put(slot, value);
    }
  }

  /** A macro (or the caller body of a call block) closed over its defining scope. */
  final class MacroFn implements JsFunction {
    final Node.RMacro node;
    final Activation closure;
    final Frame closureFrame;

    MacroFn(Node.RMacro node, Activation closure, Frame closureFrame) {
      this.node = node;
      this.closure = closure;
      this.closureFrame = closureFrame;
    }

    @Override
    public Object call(Interpreter in, List<Object> macroArgs) {
      List<String> argNames = node.argNames();
      List<Object> args = Builtins.bindMacroArgs(argNames,
          node.kwParams().stream().map(Node.Param::name).toList(), macroArgs);
      Object kwv = args.size() > argNames.size() ? args.get(argNames.size()) : Js.UNDEF;
      JsObject kwargs = kwv instanceof JsObject o ? o : new JsObject();
      Frame f = node.caller() ? closureFrame.push(true) : new Frame(null, false);
      Activation a = new Activation(closure, node.declared());
      Frame saved = frame;
      Activation savedAct = act;
      Node savedCurrent = current;
      enter();
      frame = f;
      act = a;
      try {
        if (kwargs.has("caller")) {
          f.set("caller", kwargs.get("caller"));
        }
        for (int i = 0; i < argNames.size(); i++) {
          int last = argNames.lastIndexOf(argNames.get(i));
          Object v = last < args.size() && last < argNames.size() ? args.get(last) : Js.UNDEF;
          a.set(node.argSlots().get(i), v);
          f.set(argNames.get(i), v);
        }
        for (Node.Param p : node.kwParams()) {
          f.set(p.name(), kwargs.has(p.name()) ? kwargs.get(p.name()) : eval(p.defaultValue()));
        }
        StringBuilder out = new StringBuilder();
        execBody(node.body(), out);
        return new SafeStr(out.toString());
      } finally {
        frame = saved;
        act = savedAct;
        current = savedCurrent;
        depth--;
      }
    }
  }

  // ---------------------------------------------------------------- expressions

  Object eval(Node n) {
    tick();
    enter();
    try {
      return evalInner(n);
    } finally {
      depth--;
    }
  }

  private Object evalInner(Node n) {
    if (n instanceof Node.Lit l) {
      return l.value();
    } else if (n instanceof Node.SlotRef r) {
      return act.get(r.slot());
    } else if (n instanceof Node.Sym s) {
      return lookup(s.name());
    } else if (n instanceof Node.Lookup l) {
      Object target = eval(l.target());
      Object key = eval(l.key());
      return memberLookup(target, key);
    } else if (n instanceof Node.Slice s) {
      return slice(s);
    } else if (n instanceof Node.ArrayLit a) {
      JsArray arr = new JsArray();
      for (Node item : a.items()) {
        arr.add(eval(item));
      }
      return arr;
    } else if (n instanceof Node.DictLit d) {
      JsObject o = new JsObject();
      for (int i = 0; i < d.keys().size(); i++) {
        o.put(d.keys().get(i), eval(d.values().get(i)));
      }
      return o;
    } else if (n instanceof Node.Call c) {
      return call(c, null);
    } else if (n instanceof Node.FilterCall f) {
      List<Object> args = new ArrayList<>();
      args.add(eval(f.target()));
      evalArgs(f.args(), f.kwargs(), args);
      current = f;
      return applyFilter(f.name(), args);
    } else if (n instanceof Node.In i) {
      Object key = eval(i.left());
      Object val = eval(i.right());
      current = i;
      return inOperator(key, val);
    } else if (n instanceof Node.IsTest t) {
      List<Object> args = new ArrayList<>();
      args.add(eval(t.left()));
      evalArgs(t.args(), t.kwargs(), args);
      current = t;
      JsFunction test = engine.test(t.testName());
      if (test == null) {
        throw error("unknown test '" + t.testName() + "'");
      }
      return invoke(test, args);
    } else if (n instanceof Node.Binary b) {
      return binary(b);
    } else if (n instanceof Node.Unary u) {
      Object v = eval(u.operand());
      return switch (u.op()) {
        case "!" -> !Js.truthy(v);
        case "-" -> -Js.toNumber(v);
        default -> Js.toNumber(v);
      };
    } else if (n instanceof Node.Cond c) {
      return Js.truthy(eval(c.cond())) ? eval(c.then()) : eval(c.otherwise());
    } else if (n instanceof Node.Comma c) {
      Object v = Js.UNDEF;
      for (Node item : c.items()) {
        v = eval(item);
      }
      return v;
    } else {
      throw error("unexpected expression " + n.getClass().getSimpleName());
    }
  }

  private Object binary(Node.Binary b) {
    String op = b.op();
    if (op.equals("&&")) {
      Object l = eval(b.left());
      return Js.truthy(l) ? eval(b.right()) : l;
    }
    if (op.equals("||")) {
      Object l = eval(b.left());
      return Js.truthy(l) ? l : eval(b.right());
    }
    Object l = eval(b.left());
    Object r = eval(b.right());
    current = b;
    return switch (op) {
      case "+" -> {
        Object v = Js.add(l, r);
        if (v instanceof String s) {
          checkLength(s.length());
        }
        yield v;
      }
      case "-" -> Js.toNumber(l) - Js.toNumber(r);
      case "*" -> Js.toNumber(l) * Js.toNumber(r);
      case "/" -> Js.toNumber(l) / Js.toNumber(r);
      case "%" -> Js.toNumber(l) % Js.toNumber(r);
      case "//" -> Math.floor(Js.toNumber(l) / Js.toNumber(r));
      case "**" -> Js.pow(Js.toNumber(l), Js.toNumber(r));
      case "==" -> Js.looseEq(l, r);
      case "!=" -> !Js.looseEq(l, r);
      case "===" -> Js.strictEq(l, r);
      case "!==" -> !Js.strictEq(l, r);
      case "<", ">", "<=", ">=" -> Js.compare(op, l, r);
      default -> throw error("unknown operator " + op);
    };
  }

  Object lookup(String nm) {
    Object v = frame.lookup(nm);
    if (v != null) {
      return v;
    }
    if (ctx.has(nm)) {
      return ctx.get(nm);
    }
    Object g = locals.get(nm);
    if (g == null) {
      g = engine.global(nm);
    }
    if (g == null && jinja) {
      switch (nm) {
        case "True":
          return true;
        case "False":
          return false;
        case "None":
          return Js.NULL;
        default:
          break;
      }
    }
    return g == null ? Js.UNDEF : g;
  }

  Object memberLookup(Object obj, Object key) {
    if (Js.isNullish(obj)) {
      return Js.UNDEF;
    }
    if (jinja && !engine.jsMethods()) {
      JsFunction m = JsMethods.currentMethod(obj, Js.propertyKey(key), true);
      if (m != null && (obj instanceof JsArray || obj instanceof JsObject)) {
        return m;
      }
    } else if (jinja) {
      JsFunction py = PythonMethods.method(obj, Js.propertyKey(key));
      if (py != null) {
        return py;
      }
    }
    Object v = Js.get(obj, key);
    if (v instanceof JsFunction fn) {
      // a fresh bound function on every lookup, as nunjucks' memberLookup returns
      return (JsFunction) fn::call;
    }
    if (v == Js.UNDEF) {
      JsFunction m = engine.jsMethods() ? JsMethods.method(obj, Js.propertyKey(key))
          : JsMethods.currentMethod(obj, Js.propertyKey(key), jinja);
      if (m != null) {
        return m;
      }
    }
    return v;
  }

  private Object slice(Node.Slice s) {
    Object obj = eval(s.target());
    Object start = s.start() == null ? Js.NULL : eval(s.start());
    Object stop = s.stop() == null ? Js.NULL : eval(s.stop());
    Object step = s.step() == null ? (Object) 1.0 : eval(s.step());
    current = s;
    if (!Js.truthy(obj)) {
      obj = new JsArray();
    }
    Object len = Js.length(obj);
    boolean neg = Js.compare("<", step, 0.0);
    if (start == Js.NULL) {
      start = neg ? Js.add(len, -1.0) : (Object) 0.0;
    }
    if (stop == Js.NULL) {
      stop = neg ? (Object) (-1.0) : len;
    } else if (Js.compare("<", stop, 0.0)) {
      stop = Js.add(stop, len);
    }
    if (Js.compare("<", start, 0.0)) {
      start = Js.add(start, len);
    }
    boolean pos = Js.compare(">", step, 0.0);
    JsArray results = new JsArray();
    for (Object i = start; ; i = Js.add(i, step)) {
      tick();
      if (Js.compare("<", i, 0.0) || Js.compare(">", i, len)) {
        break;
      }
      if (pos && Js.compare(">=", i, stop)) {
        break;
      }
      if (neg && Js.compare("<=", i, stop)) {
        break;
      }
      results.add(memberLookup(obj, i));
    }
    return results;
  }

  private Object inOperator(Object key, Object val) {
    if (val instanceof JsArray a) {
      for (Object o : a.items) {
        if (Js.strictEq(o, key)) {
          return true;
        }
      }
      return false;
    }
    if (val instanceof String s) {
      return s.contains(Js.toStr(key));
    }
    if (Js.isRecord(val)) {
      String k = Js.propertyKey(key);
      return Js.hasOwn(val, k) || (val instanceof Cycler && Js.keys(val).contains(k));
    }
    throw error("cannot use 'in' to search for \"" + Js.toStr(key) + "\" in " + Js.typeOf(val) + " "
        + Js.toStr(val));
  }

  void evalArgs(List<Node> args, Node.KwArgs kw, List<Object> into) {
    for (Node a : args) {
      into.add(eval(a));
    }
    if (!kw.names().isEmpty()) {
      JsObject o = new JsObject();
      for (int i = 0; i < kw.names().size(); i++) {
        o.put(kw.names().get(i), eval(kw.values().get(i)));
      }
      o.put("__keywords", true);
      into.add(o);
    }
  }

  private Object call(Node.Call c, JsFunction caller) {
    Object fn = eval(c.callee());
    List<Object> args = new ArrayList<>();
    for (Node a : c.args()) {
      args.add(eval(a));
    }
    if (!c.kwargs().names().isEmpty() || caller != null) {
      JsObject o = new JsObject();
      for (int i = 0; i < c.kwargs().names().size(); i++) {
        o.put(c.kwargs().names().get(i), eval(c.kwargs().values().get(i)));
      }
      if (caller != null) {
        o.put("caller", caller);
      }
      o.put("__keywords", true);
      args.add(o);
    }
    current = c;
    if (!Js.truthy(fn)) {
      if (fn == Js.UNDEF && !engine.jsMethods() && c.callee() instanceof Node.Lookup l && l.key() instanceof Node.Lit k) {
        Object target = eval(l.target());
        String name = Js.propertyKey(k.value());
        if (JsMethods.method(target, name) != null) {
          current = c;
          throw error("cannot call the JavaScript method '" + name + "': with javaScriptMethods(false) only the "
              + "methods current Backstage allows are callable");
        }
      }
      throw error("cannot call '" + c.calleeName() + "', which is " + (Js.isNullish(fn) ? "undefined" : "falsy"));
    }
    if (!(fn instanceof JsFunction f)) {
      throw error("cannot call '" + c.calleeName() + "', which is not a function");
    }
    return invoke(f, args);
  }

  Object invoke(JsFunction f, List<Object> args) {
    Node at = current;
    try {
      return f.call(this, args);
    } catch (JsError e) {
      current = at;
      throw error(e.getMessage());
    }
  }

  Object applyFilter(String filterName, List<Object> args) {
    JsFunction f = engine.filter(filterName);
    if (f == null && jinja && filterName.equals("jsonify")) {
      f = engine.filter("dump");
    }
    if (f == null) {
      throw error("unknown filter '" + filterName + "'");
    }
    Object r = invoke(f, args);
    if (r instanceof String s) {
      checkLength(s.length());
    }
    return r;
  }
}
