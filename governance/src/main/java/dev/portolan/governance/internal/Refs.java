package dev.portolan.governance.internal;

import java.util.Locale;
import java.util.Optional;

/** Backstage entity-reference parsing, {@code [<kind>:][<namespace>/]<name>}, to the lower-cased canonical form. */
public final class Refs {

  private Refs() {}

  /**
   * Parses a reference and returns its canonical lower-case {@code kind:namespace/name} form.
   *
   * @param text the reference as written
   * @param defaultKind the kind when the text has none, or null when a kind is required
   * @param defaultNamespace the namespace when the text has none
   * @return the canonical ref, or empty when the text is not a reference
   */
  public static Optional<String> canonical(String text, String defaultKind, String defaultNamespace) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    int colon = t.indexOf(':');
    int slash = t.indexOf('/');
    if (slash >= 0 && slash < colon) {
      colon = -1;
    }
    String kind;
    String ns;
    String name;
    if (colon >= 0) {
      kind = t.substring(0, colon);
    } else {
      kind = defaultKind;
    }
    if (slash >= 0) {
      ns = t.substring(colon + 1, slash);
      name = t.substring(slash + 1);
    } else {
      ns = defaultNamespace;
      name = t.substring(colon + 1);
    }
    if (kind == null || kind.isEmpty() || ns == null || ns.isEmpty() || name.isEmpty()
        || name.chars().anyMatch(Character::isWhitespace) || kind.chars().anyMatch(Character::isWhitespace)) {
      return Optional.empty();
    }
    return Optional.of((kind + ":" + ns + "/" + name).toLowerCase(Locale.ROOT));
  }

  /**
   * The kind part of a canonical ref.
   *
   * @param ref a canonical ref
   * @return the lower-case kind
   */
  public static String kind(String ref) {
    int c = ref.indexOf(':');
    return c < 0 ? "" : ref.substring(0, c);
  }

  /**
   * The name part of a canonical ref.
   *
   * @param ref a canonical ref
   * @return the name
   */
  public static String name(String ref) {
    int s = ref.indexOf('/');
    return s < 0 ? ref : ref.substring(s + 1);
  }
}
