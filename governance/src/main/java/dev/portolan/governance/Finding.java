package dev.portolan.governance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One failed (or undecidable) check of one rule on one entity.
 *
 * @param rule the rule id
 * @param severity the effective severity
 * @param entity the canonical entity ref
 * @param check the sub-check name, empty for single-check rules
 * @param message the message
 * @param path the witness path: refs alternating with relation names
 * @param error true when the check could not be decided (status {@code error} rather than {@code fail})
 * @param waiver the id of the waiver that covers the finding, if one applies
 * @param isNew false when the same finding is in the baseline
 * @param location where the finding points, if known: the line of {@link #field()} when the violation is about
 *     a field, else where the entity starts
 * @param notes extra facts, e.g. {@code waiver WVR-1 expired on 2026-09-01}
 * @param field the field of the entity the finding is about, when one is (e.g. {@code spec.owner})
 */
public record Finding(String rule, Severity severity, String entity, String check, String message, List<String> path,
    boolean error, Optional<String> waiver, boolean isNew, Optional<SourceLocation> location, List<String> notes,
    Optional<String> field) {

  /**
   * Copies the lists.
   *
   * @param rule rule
   * @param severity severity
   * @param entity entity
   * @param check check
   * @param message message
   * @param path path
   * @param error error
   * @param waiver waiver
   * @param isNew isNew
   * @param location location
   * @param notes notes
   * @param field field
   */
  public Finding {
    Objects.requireNonNull(rule);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(entity);
    Objects.requireNonNull(check);
    Objects.requireNonNull(message);
    path = List.copyOf(path);
    notes = List.copyOf(notes);
    Objects.requireNonNull(field);
  }

  /**
   * A finding about the entity as a whole, not a particular field.
   *
   * @param rule rule
   * @param severity severity
   * @param entity entity
   * @param check check
   * @param message message
   * @param path path
   * @param error error
   * @param waiver waiver
   * @param isNew isNew
   * @param location location
   * @param notes notes
   */
  public Finding(String rule, Severity severity, String entity, String check, String message, List<String> path,
      boolean error, Optional<String> waiver, boolean isNew, Optional<SourceLocation> location, List<String> notes) {
    this(rule, severity, entity, check, message, path, error, waiver, isNew, location, notes, Optional.empty());
  }

  /**
   * Whether a waiver covers this finding.
   *
   * @return true when waived
   */
  public boolean waived() {
    return waiver.isPresent();
  }

  /**
   * The identity of the finding across runs: rule, entity and sub-check.
   *
   * @return the fingerprint
   */
  public String fingerprint() {
    return fingerprint(rule, entity, check);
  }

  static String fingerprint(String rule, String entity, String check) {
    return rule + "|" + entity + "|" + check;
  }

  /**
   * {@code fail} or {@code error}.
   *
   * @return the status name
   */
  public String status() {
    return error ? "error" : "fail";
  }
}
