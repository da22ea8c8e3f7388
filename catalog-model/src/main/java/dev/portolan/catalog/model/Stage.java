package dev.portolan.catalog.model;

import java.util.Locale;

/**
 * The stage of Backstage's catalog processing at which a document is rejected, in processing order. A
 * document fails at the first stage that rejects it.
 */
public enum Stage {
  /** Reading the file and parsing YAML/JSON; limits; a root that is not an object. */
  PARSE,
  /** The envelope check when the entity is emitted ({@code apiVersion}, {@code kind}, {@code metadata.name}). */
  ENVELOPE,
  /** Processor preprocessing (the app profile's kind lookup). */
  PREPROCESS,
  /** The policy chain: schema, default namespace, no foreign root fields, field formats. */
  POLICY,
  /** The kind validators: a known kind with a valid spec. */
  KIND,
  /** Location entity target checks. */
  LOCATION,
  /** Relation emission: every ref in a relation field must parse. */
  POSTPROCESS;

  /**
   * The stage name as the reference oracle writes it, e.g. {@code policy}.
   *
   * @return the lower-case name
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a lower- or upper-case stage name.
   *
   * @param id the name
   * @return the stage
   * @throws IllegalArgumentException for an unknown name
   */
  public static Stage parse(String id) {
    return Stage.valueOf(id.toUpperCase(Locale.ROOT));
  }
}
