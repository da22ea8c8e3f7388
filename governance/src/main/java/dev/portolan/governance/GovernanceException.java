package dev.portolan.governance;

import dev.portolan.catalog.model.PortolanException;
import java.util.Optional;

/**
 * A governance input could not be used: a rule, waiver, baseline or catalog file is malformed, or a rule
 * refers to something that does not exist. The message reads
 * {@code <file>:<line>:<col>: <entity ref>: <field path>: <what was expected>, found <value>} where those
 * facts apply, and each fact is also available through a getter.
 */
public class GovernanceException extends PortolanException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The file, or null. */
  private final String file;
  /** The 1-based line, or 0. */
  private final int line;
  /** The 1-based column, or 0. */
  private final int column;
  /** The entity, rule or waiver, or null. */
  private final String entityRef;
  /** The dotted field path, or null. */
  private final String fieldPath;

  /**
   * Creates an exception with every locating fact.
   *
   * @param file the file, or null when the input did not come from a file
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param entityRef the entity, rule or waiver the problem is about, or null
   * @param fieldPath the dotted field path, or null
   * @param problem what was expected and what was found
   */
  public GovernanceException(
      String file, int line, int column, String entityRef, String fieldPath, String problem) {
    super(format(file, line, column, entityRef, fieldPath, problem));
    this.file = file;
    this.line = line;
    this.column = column;
    this.entityRef = entityRef;
    this.fieldPath = fieldPath;
  }

  /**
   * Creates an exception that only has a message.
   *
   * @param problem what went wrong
   */
  public GovernanceException(String problem) {
    this(null, 0, 0, null, null, problem);
  }

  static String format(
      String file, int line, int column, String entityRef, String fieldPath, String problem) {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
      if (line > 0) {
        sb.append(':').append(line);
        if (column > 0) {
          sb.append(':').append(column);
        }
      }
      sb.append(": ");
    }
    if (entityRef != null) {
      sb.append(entityRef).append(": ");
    }
    if (fieldPath != null) {
      sb.append(fieldPath).append(": ");
    }
    return sb.append(problem).toString();
  }

  /**
   * The file the problem is in.
   *
   * @return the file, if the input came from one
   */
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }

  /**
   * The 1-based line of the problem.
   *
   * @return the line, 0 when unknown
   */
  public int line() {
    return line;
  }

  /**
   * The 1-based column of the problem.
   *
   * @return the column, 0 when unknown
   */
  public int column() {
    return column;
  }

  /**
   * The entity, rule or waiver the problem is about.
   *
   * @return the reference or identifier, if known
   */
  public Optional<String> entityRef() {
    return Optional.ofNullable(entityRef);
  }

  /**
   * The dotted field path of the problem.
   *
   * @return the field path, if known
   */
  public Optional<String> fieldPath() {
    return Optional.ofNullable(fieldPath);
  }
}
