package dev.portolan.scaffolder.internal;

/** A runtime error inside template evaluation; the interpreter adds the template position. */
final class JsError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  JsError(String message) {
    super(message, null, false, false);
  }
}
