package dev.portolan.scaffolder;

import dev.portolan.catalog.model.PortolanException;
import dev.portolan.catalog.model.SourcePosition;
import java.util.Optional;

/**
 * A template could not be loaded or run: an invalid template entity, values that fail the parameter
 * schema, an unknown action, a step that failed, a path that escapes the workspace. The message reads
 * {@code <file>:<line>:<col>: <template ref>: <field path>: <what was expected>}, with the parts that apply;
 * the same facts are available through the getters.
 */
public class ScaffolderException extends PortolanException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The template file, or empty. */
  private final String file;
  private final transient Optional<SourcePosition> position;
  /** The template entity ref, or empty. */
  private final String templateRef;
  /** The field path, or empty. */
  private final String fieldPath;
  /** What was expected and what was found. */
  private final String detail;

  /**
   * Creates an exception.
   *
   * @param file the template file, or empty when not applicable
   * @param position the position in that file
   * @param templateRef the template's entity ref, or empty
   * @param fieldPath the field path (e.g. {@code spec.steps[1].input.url}), or empty
   * @param detail what was expected and what was found
   */
  public ScaffolderException(String file, Optional<SourcePosition> position, String templateRef, String fieldPath,
      String detail) {
    this(file, position, templateRef, fieldPath, detail, null);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param file the template file, or empty when not applicable
   * @param position the position in that file
   * @param templateRef the template's entity ref, or empty
   * @param fieldPath the field path, or empty
   * @param detail what was expected and what was found
   * @param cause the underlying failure
   */
  public ScaffolderException(String file, Optional<SourcePosition> position, String templateRef, String fieldPath,
      String detail, Throwable cause) {
    super(format(file, position, templateRef, fieldPath, detail), cause);
    this.file = file;
    this.position = position;
    this.templateRef = templateRef;
    this.fieldPath = fieldPath;
    this.detail = detail;
  }

  /**
   * Creates an exception whose message is given whole (for exceptions that gather several problems).
   *
   * @param message the message
   * @param file the template file, or empty
   * @param position the position in that file
   * @param templateRef the template's entity ref, or empty
   * @param fieldPath the field path, or empty
   * @param detail what was expected and what was found
   */
  protected ScaffolderException(String message, String file, Optional<SourcePosition> position, String templateRef,
      String fieldPath, String detail) {
    super(message, null);
    this.file = file;
    this.position = position;
    this.templateRef = templateRef;
    this.fieldPath = fieldPath;
    this.detail = detail;
  }

  static String format(String file, Optional<SourcePosition> position, String ref, String path,
      String detail) {
    StringBuilder sb = new StringBuilder();
    if (!file.isEmpty()) {
      sb.append(file);
      position.ifPresent(p -> sb.append(':').append(p.line()).append(':').append(p.column()));
      sb.append(": ");
    }
    if (!ref.isEmpty()) {
      sb.append(ref).append(": ");
    }
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(detail).toString();
  }

  /**
   * Returns the template file.
   *
   * @return the file, empty when not applicable
   */
  public String file() {
    return file;
  }

  /**
   * Returns the position in the template file.
   *
   * @return the position, when known
   */
  public Optional<SourcePosition> position() {
    return position == null ? Optional.empty() : position;
  }

  /**
   * Returns the template's entity ref.
   *
   * @return the ref, empty when unknown
   */
  public String templateRef() {
    return templateRef;
  }

  /**
   * Returns the field path.
   *
   * @return the path, empty when not applicable
   */
  public String fieldPath() {
    return fieldPath;
  }

  /**
   * Returns the message without location parts.
   *
   * @return what was expected and what was found
   */
  public String detail() {
    return detail;
  }
}
