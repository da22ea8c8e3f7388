package dev.portolan.scaffolder.internal;

/** A string marked safe (nunjucks' SafeString): an object wrapping a string, truthy even when empty. */
final class SafeStr {

  final String val;

  SafeStr(String val) {
    this.val = val;
  }

  @Override
  public String toString() {
    return val;
  }
}
