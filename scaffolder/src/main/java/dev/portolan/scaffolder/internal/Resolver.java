package dev.portolan.scaffolder.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds names the way nunjucks 3.2.4's compiler does: loop targets, macro parameters, macros and
 * reassigned names become variable slots of the enclosing function (root, macro, caller, block or a
 * capture), read directly; every other name is looked up in the runtime scope, then the context.
 */
final class Resolver {

  private int nextSlot;
  private List<Integer> fn;

  /** A compile-time scope: name to slot. */
  private static final class CFrame {
    final Map<String, Integer> vars = new HashMap<>();
    final CFrame parent;

    CFrame(CFrame parent) {
      this.parent = parent;
    }

    CFrame push() {
      return new CFrame(this);
    }

    Integer lookup(String name) {
      Integer v = vars.get(name);
      if (v != null) {
        return v;
      }
      return parent == null ? null : parent.lookup(name);
    }
  }

  Node.Root resolveRoot(Node.Body body) {
    fn = new ArrayList<>();
    List<Integer> rootFn = fn;
    Node.Body b = body(body, new CFrame(null));
    return new Node.Root(b, List.copyOf(rootFn));
  }

  private int declare() {
    int s = nextSlot++;
    fn.add(s);
    return s;
  }

  private Node.Body body(Node.Body b, CFrame f) {
    List<Node> out = new ArrayList<>(b.nodes().size());
    for (Node n : b.nodes()) {
      out.add(stmt(n, f));
    }
    return new Node.Body(out, b.line(), b.col());
  }

  private Node stmt(Node n, CFrame f) {
    if (n instanceof Node.Text) {
      return n;
    } else if (n instanceof Node.Output o) {
      return new Node.Output(expr(o.expr(), f), o.line(), o.col());
    } else if (n instanceof Node.If i) {
      Node cond = expr(i.cond(), f);
      Node.Body then = body(i.then(), f);
      Node otherwise = i.otherwise() == null ? null : i.otherwise() instanceof Node.Body ob ? body(ob, f)
          : stmt(i.otherwise(), f);
      return new Node.If(cond, then, otherwise, i.line(), i.col());
    } else if (n instanceof Node.For x) {
      int lenSlot = declare();
      CFrame lf = f.push();
      Node iter = expr(x.iter(), lf);
      if (x.multi()) {
        List<Integer> arraySlots = new ArrayList<>();
        for (String t : x.targets()) {
          int s = declare();
          arraySlots.add(s);
          lf.vars.put(t, s);
        }
        Node.Body bodyArray = body(x.body(), lf);
        int k = declare();
        int v = declare();
        lf.vars.put(x.targets().get(0), k);
        lf.vars.put(x.targets().get(1), v);
        Node.Body bodyObject = body(x.body(), lf);
        Node.Body otherwise = x.otherwise() == null ? null : body(x.otherwise(), lf);
        return new Node.RFor(x.targets(), iter, bodyArray, bodyObject, otherwise, true, arraySlots, k, v, -1,
            lenSlot, x.line(), x.col());
      }
      int single = declare();
      lf.vars.put(x.targets().get(0), single);
      Node.Body b = body(x.body(), lf);
      Node.Body otherwise = x.otherwise() == null ? null : body(x.otherwise(), lf);
      return new Node.RFor(x.targets(), iter, b, null, otherwise, false, List.of(), -1, -1, single, lenSlot,
          x.line(), x.col());
    } else if (n instanceof Node.Set s) {
      List<Integer> slots = new ArrayList<>();
      for (String t : s.targets()) {
        Integer id = f.lookup(t);
        slots.add(id != null ? id : declare());
      }
      if (s.value() != null) {
        return new Node.RSet(s.targets(), slots, expr(s.value(), f), null, List.of(), s.line(), s.col());
      }
      List<Integer> saved = fn;
      fn = new ArrayList<>();
      List<Integer> capture = fn;
      Node.Body b = body(s.body(), f);
      fn = saved;
      return new Node.RSet(s.targets(), slots, null, b, List.copyOf(capture), s.line(), s.col());
    } else if (n instanceof Node.Macro m) {
      Node.RMacro r = macro(m, f, null);
      f.vars.put(m.name(), r.funcSlot());
      return r;
    } else if (n instanceof Node.CallBlock c) {
      Node.Call call = (Node.Call) expr(c.call(), f);
      List<Integer> saved = fn;
      fn = new ArrayList<>();
      List<Integer> wrapper = fn;
      Node.RMacro caller = macro(c.caller(), f, f.push());
      fn = saved;
      return new Node.RCallBlock(call, caller, List.copyOf(wrapper), c.line(), c.col());
    } else if (n instanceof Node.FilterBlock fb) {
      List<Node> args = exprs(fb.args(), f);
      Node.KwArgs kw = kwargs(fb.kwargs(), f);
      List<Integer> saved = fn;
      fn = new ArrayList<>();
      List<Integer> capture = fn;
      Node.Body b = body(fb.body(), f);
      fn = saved;
      return new Node.RFilterBlock(fb.name(), args, kw, b, List.copyOf(capture), fb.line(), fb.col());
    } else if (n instanceof Node.Switch sw) {
      List<Node> cases = exprs(sw.cases(), f);
      List<Node.Body> bodies = new ArrayList<>();
      for (Node.Body b : sw.bodies()) {
        bodies.add(body(b, f));
      }
      return new Node.Switch(expr(sw.expr(), f), cases, bodies, sw.defaultBody() == null ? null
          : body(sw.defaultBody(), f), sw.line(), sw.col());
    } else if (n instanceof Node.Block b) {
      List<Integer> saved = fn;
      fn = new ArrayList<>();
      List<Integer> decl = fn;
      Node.Body rb = body(b.body(), new CFrame(null));
      fn = saved;
      return new Node.RBlock(b.name(), rb, List.copyOf(decl), b.line(), b.col());
    } else if (n instanceof Node.Body b) {
      return body(b, f);
    }
    throw new IllegalStateException("unexpected statement " + n.getClass().getSimpleName());
  }

  /** Resolves a macro; {@code keep} is the caller's compile scope (caller bodies see the enclosing names). */
  private Node.RMacro macro(Node.Macro m, CFrame f, CFrame keep) {
    int funcSlot = declare();
    boolean export = f.parent == null;
    List<Integer> saved = fn;
    fn = new ArrayList<>();
    List<Integer> macroFn = fn;
    CFrame mf = keep != null ? keep : new CFrame(null);
    List<String> argNames = new ArrayList<>();
    List<Integer> argSlots = new ArrayList<>();
    Map<String, Integer> paramSlot = new HashMap<>();
    List<Node.Param> kw = new ArrayList<>();
    for (Node.Param p : m.params()) {
      if (p.defaultValue() == null) {
        Integer s = paramSlot.get(p.name());
        if (s == null) {
          s = declare();
          paramSlot.put(p.name(), s);
        }
        argNames.add(p.name());
        argSlots.add(s);
        mf.vars.put(p.name(), s);
      }
    }
    for (Node.Param p : m.params()) {
      if (p.defaultValue() != null) {
        kw.add(new Node.Param(p.name(), expr(p.defaultValue(), mf)));
      }
    }
    Node.Body b = body(m.body(), mf);
    fn = saved;
    return new Node.RMacro(m.name(), argNames, argSlots, kw, b, List.copyOf(macroFn), funcSlot,
        !m.caller() && export, m.caller(), m.line(), m.col());
  }

  private List<Node> exprs(List<Node> in, CFrame f) {
    List<Node> out = new ArrayList<>(in.size());
    for (Node n : in) {
      out.add(expr(n, f));
    }
    return out;
  }

  private Node.KwArgs kwargs(Node.KwArgs kw, CFrame f) {
    return new Node.KwArgs(kw.names(), exprs(kw.values(), f));
  }

  private Node expr(Node n, CFrame f) {
    if (n == null) {
      return null;
    }
    if (n instanceof Node.Lit) {
      return n;
    } else if (n instanceof Node.Sym s) {
      Integer slot = f.lookup(s.name());
      return slot == null ? s : new Node.SlotRef(slot, s.name(), s.line(), s.col());
    } else if (n instanceof Node.Lookup l) {
      return new Node.Lookup(expr(l.target(), f), expr(l.key(), f), l.line(), l.col());
    } else if (n instanceof Node.Slice s) {
      return new Node.Slice(expr(s.target(), f), expr(s.start(), f), expr(s.stop(), f), expr(s.step(), f), s.line(),
          s.col());
    } else if (n instanceof Node.ArrayLit a) {
      return new Node.ArrayLit(exprs(a.items(), f), a.line(), a.col());
    } else if (n instanceof Node.DictLit d) {
      return new Node.DictLit(d.keys(), exprs(d.values(), f), d.line(), d.col());
    } else if (n instanceof Node.Call c) {
      return new Node.Call(expr(c.callee(), f), exprs(c.args(), f), kwargs(c.kwargs(), f), c.calleeName(), c.line(),
          c.col());
    } else if (n instanceof Node.FilterCall c) {
      return new Node.FilterCall(c.name(), expr(c.target(), f), exprs(c.args(), f), kwargs(c.kwargs(), f), c.line(),
          c.col());
    } else if (n instanceof Node.In i) {
      return new Node.In(expr(i.left(), f), expr(i.right(), f), i.line(), i.col());
    } else if (n instanceof Node.IsTest t) {
      return new Node.IsTest(expr(t.left(), f), t.testName(), exprs(t.args(), f), kwargs(t.kwargs(), f), t.line(),
          t.col());
    } else if (n instanceof Node.Binary b) {
      return new Node.Binary(b.op(), expr(b.left(), f), expr(b.right(), f), b.line(), b.col());
    } else if (n instanceof Node.Unary u) {
      return new Node.Unary(u.op(), expr(u.operand(), f), u.line(), u.col());
    } else if (n instanceof Node.Cond c) {
      return new Node.Cond(expr(c.cond(), f), expr(c.then(), f), expr(c.otherwise(), f), c.line(), c.col());
    } else if (n instanceof Node.Comma c) {
      return new Node.Comma(exprs(c.items(), f), c.line(), c.col());
    }
    throw new IllegalStateException("unexpected expression " + n.getClass().getSimpleName());
  }
}
