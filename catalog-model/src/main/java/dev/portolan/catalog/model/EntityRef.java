package dev.portolan.catalog.model;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to an entity: {@code kind:namespace/name}, parsed and formatted exactly as Backstage's
 * {@code parseEntityRef} / {@code stringifyEntityRef}.
 *
 * <p>Parsing keeps the case as written; {@link #toString()} always yields the canonical, fully lower-cased
 * {@code kind:namespace/name} form. Refs are case-insensitive identities: use {@link #normalized()} (or
 * compare {@code toString()}) when two refs must be compared as Backstage compares them.
 *
 * <p>The string form is {@code [<kind>:][<namespace>/]<name>}. A {@code /} that comes before the first
 * {@code :} means there is no kind; the name may itself contain {@code :} and {@code /}
 * ({@code a/b/c} is namespace {@code a}, name {@code b/c}). Nothing checks the characters of the parts.
 *
 * @param kind the kind as written, never empty
 * @param namespace the namespace as written, never empty
 * @param name the name as written, never empty
 */
public record EntityRef(String kind, String namespace, String name) {

  /** The namespace used when neither the ref nor the context gives one. */
  public static final String DEFAULT_NAMESPACE = "default";

  /**
   * Creates a ref from its parts.
   *
   * @param kind the kind as written, never empty
   * @param namespace the namespace as written, never empty
   * @param name the name as written, never empty
   * @throws InvalidEntityRefException if a part is empty
   */
  public EntityRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (kind.isEmpty() || namespace.isEmpty() || name.isEmpty()) {
      throw new InvalidEntityRefException(
          kind + ":" + namespace + "/" + name,
          "Entity reference \"" + kind + ":" + namespace + "/" + name
              + "\" was not on the form [<kind>:][<namespace>/]<name>");
    }
  }

  /**
   * Creates a ref from its parts.
   *
   * @param kind the kind, not empty
   * @param namespace the namespace, not empty
   * @param name the name, not empty
   * @return the ref
   */
  public static EntityRef of(String kind, String namespace, String name) {
    return new EntityRef(kind, namespace, name);
  }

  /**
   * Parses a full ref; the kind is required and the namespace defaults to {@value #DEFAULT_NAMESPACE}.
   *
   * @param ref the ref text
   * @return the parsed ref, case kept as written
   * @throws InvalidEntityRefException with Backstage's message if the text is not a ref or has no kind
   */
  public static EntityRef parse(String ref) {
    return parse(ref, Optional.empty(), Optional.empty());
  }

  /**
   * Parses a ref with context defaults, as {@code parseEntityRef(ref, {defaultKind, defaultNamespace})}.
   *
   * @param ref the ref text
   * @param defaultKind the kind used when the text has none
   * @param defaultNamespace the namespace used when the text has none; {@value #DEFAULT_NAMESPACE} if empty
   * @return the parsed ref, case kept as written
   * @throws InvalidEntityRefException with Backstage's message if the text is not a ref or has no kind
   */
  public static EntityRef parse(String ref, Optional<String> defaultKind, Optional<String> defaultNamespace) {
    Objects.requireNonNull(ref, "ref");
    if (ref.isEmpty()) {
      throw new InvalidEntityRefException(ref, "Entity reference must not be empty");
    }
    int colon = ref.indexOf(':');
    int slash = ref.indexOf('/');
    if (slash != -1 && slash < colon) {
      colon = -1;
    }
    String kind = colon == -1 ? null : ref.substring(0, colon);
    String namespace = slash == -1 ? null : ref.substring(colon + 1, slash);
    String name = ref.substring(Math.max(colon + 1, slash + 1));
    if ("".equals(kind) || "".equals(namespace) || name.isEmpty()) {
      throw new InvalidEntityRefException(
          ref, "Entity reference \"" + ref + "\" was not on the form [<kind>:][<namespace>/]<name>");
    }
    if (kind == null) {
      kind = defaultKind.filter(k -> !k.isEmpty()).orElse(null);
    }
    if (kind == null) {
      throw new InvalidEntityRefException(
          ref,
          "Entity reference " + jsonQuote(ref)
              + " had missing or empty kind (e.g. did not start with \"component:\" or similar)");
    }
    if (namespace == null) {
      namespace = defaultNamespace.filter(n -> !n.isEmpty()).orElse(DEFAULT_NAMESPACE);
    }
    return new EntityRef(kind, namespace, name);
  }

  /**
   * Parses any JSON value as {@code parseEntityRef} does: a string as {@link #parse(String, Optional,
   * Optional)}, an object as the compound form {@code {kind?, namespace?, name}} (missing or null parts take
   * the defaults), and anything else fails with Backstage's message. A compound ref whose parts are present
   * but not strings (Backstage accepts it but cannot format it) is rejected too.
   *
   * @param ref the JSON value
   * @param defaultKind the kind used when the value has none
   * @param defaultNamespace the namespace used when the value has none; {@value #DEFAULT_NAMESPACE} if empty
   * @return the parsed ref, case kept as written
   * @throws InvalidEntityRefException with Backstage's message when the value is not a ref
   */
  public static EntityRef parse(JsonNode ref, Optional<String> defaultKind, Optional<String> defaultNamespace) {
    Objects.requireNonNull(ref, "ref");
    if (ref.isTextual()) {
      return parse(ref.textValue(), defaultKind, defaultNamespace);
    }
    String text = ref.toString();
    if (!JsonValues.truthy(ref)) {
      throw new InvalidEntityRefException(text, "Entity reference must not be empty");
    }
    JsonNode kind = ref.isObject() ? ref.get("kind") : null;
    JsonNode namespace = ref.isObject() ? ref.get("namespace") : null;
    JsonNode name = ref.isObject() ? ref.get("name") : null;
    JsonNode k = kind == null || kind.isNull() ? defaultKind.<JsonNode>map(TextNode::valueOf).orElse(null) : kind;
    JsonNode ns = namespace == null || namespace.isNull()
        ? TextNode.valueOf(defaultNamespace.filter(n -> !n.isEmpty()).orElse(DEFAULT_NAMESPACE))
        : namespace;
    if (k == null || !JsonValues.truthy(k)) {
      throw new InvalidEntityRefException(text, "Entity reference " + text
          + " had missing or empty kind (e.g. did not start with \"component:\" or similar)");
    }
    if (!JsonValues.truthy(ns)) {
      throw new InvalidEntityRefException(text, "Entity reference " + text + " had missing or empty namespace");
    }
    if (name == null || !JsonValues.truthy(name)) {
      throw new InvalidEntityRefException(text, "Entity reference " + text + " had missing or empty name");
    }
    if (!k.isTextual() || !ns.isTextual() || !name.isTextual()) {
      throw new InvalidEntityRefException(text, "Entity reference " + text
          + " has a kind, namespace or name that is not a string");
    }
    return new EntityRef(k.textValue(), ns.textValue(), name.textValue());
  }


  private static String jsonQuote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  /**
   * Returns this ref with every part lower-cased ({@link Locale#ROOT}), the form Backstage stores and
   * compares.
   *
   * @return the normalised ref
   */
  public EntityRef normalized() {
    return new EntityRef(
        kind.toLowerCase(Locale.ROOT), namespace.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether both refs name the same entity, ignoring case as Backstage does.
   *
   * @param other the other ref
   * @return true when the canonical forms are equal
   */
  public boolean sameEntityAs(EntityRef other) {
    return toString().equals(other.toString());
  }

  /**
   * The canonical form {@code kind:namespace/name}, fully lower-cased, as {@code stringifyEntityRef}.
   *
   * @return the canonical string
   */
  @Override
  public String toString() {
    return (kind + ":" + namespace + "/" + name).toLowerCase(Locale.ROOT);
  }
}
