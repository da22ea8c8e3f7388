package dev.portolan.scaffolder.internal;

import java.util.List;

/** Something a template can call: a macro, a built-in global, a host global. */
interface JsFunction {

  /**
   * Calls the function.
   *
   * @param in the running interpreter
   * @param args positional arguments; keyword arguments arrive as a trailing record with {@code __keywords}
   * @return the result
   */
  Object call(Interpreter in, List<Object> args);
}
