package dev.portolan.catalog.core;

import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.LocatedMessage;
import dev.portolan.catalog.model.SourcePosition;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding about the catalog: an invalid document, a Location that could not be followed, a conflict, a
 * dangling relation, a {@code dependsOn} cycle, an orphan.
 *
 * @param severity whether the finding makes the catalog fail a check
 * @param kind what kind of finding this is
 * @param file the file the finding is about (as given or discovered), or a provider's {@code provider:<name>}
 * @param position where in the file, when known
 * @param ref the entity concerned, when known
 * @param path the field concerned; the root for whole-entity findings
 * @param message what was expected and what was found
 */
public record CatalogProblem(Severity severity, Kind kind, String file, Optional<SourcePosition> position,
    Optional<EntityRef> ref, FieldPath path, String message) {

  /** How serious a finding is. */
  public enum Severity {
    /** The catalog is not correct: {@code portolan check} fails. */
    ERROR,
    /** Worth knowing, not a failure. */
    WARNING
  }

  /** What a finding is about. */
  public enum Kind {
    /** A document Backstage would reject (parse, envelope, policy, kind, location, postprocess). */
    INVALID_ENTITY("The entity is rejected as Backstage's catalog rejects it."),
    /** A {@code $text}, {@code $json} or {@code $yaml} placeholder could not be resolved. */
    PLACEHOLDER("A $text, $json or $yaml placeholder cannot be resolved."),
    /** A location or Location entity target that could not be read, or a cycle of Locations. */
    LOCATION("A location or Location target cannot be read."),
    /** A remote target ({@code url} with http or https) that was not fetched. */
    LOCATION_NOT_FETCHED("A remote location target is not fetched."),
    /** The same entity ref from two locations; the first claimant is kept. */
    CONFLICT("Two locations claim the same entity ref."),
    /** A relation to an entity that is not in the catalog. */
    DANGLING_RELATION("A relation points at an entity missing from the catalog."),
    /** A cycle of {@code dependsOn} relations. */
    DEPENDS_ON_CYCLE("Entities depend on each other in a cycle."),
    /** An entity no location emits any more, kept because the orphan strategy is keep. */
    ORPHAN("No location emits the entity any more."),
    /** A processor rejected the entity or failed. */
    PROCESSOR("A processor rejected the entity.");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    /**
     * The stable rule id of this kind in reports (SARIF {@code ruleId}, JUnit failure type, JSON {@code kind}).
     *
     * @return {@code portolan/} and the kind's name in kebab case, e.g. {@code portolan/dangling-relation}
     */
    public String ruleId() {
      return "portolan/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * A one-sentence description of this kind, the SARIF rule's short description.
     *
     * @return the description
     */
    public String description() {
      return description;
    }
  }

  /**
   * Checks the parts are present.
   *
   * @param severity whether the finding makes the catalog fail a check
   * @param kind what kind of finding this is
   * @param file the file the finding is about (as given or discovered), or a provider's {@code provider:<name>}
   * @param position where in the file, when known
   * @param ref the entity concerned, when known
   * @param path the field concerned; the root for whole-entity findings
   * @param message what was expected and what was found
   */
  public CatalogProblem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The finding as one line: {@code <file>:<line>:<col>: <entity ref>: <field path>: <message>}, leaving out
   * the parts that are not known.
   *
   * @return the formatted finding
   */
  @Override
  public String toString() {
    return LocatedMessage.format(file, position, ref, path, message);
  }
}
