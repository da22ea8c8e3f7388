package dev.portolan.dora;

import dev.portolan.catalog.model.PortolanException;
import java.util.Optional;

/**
 * Input that cannot be read at all: a file that cannot be opened, or a payload an adapter does not understand.
 * (Bad lines inside a readable JSON Lines file are never thrown; they are counted in {@link Diagnostics}.)
 *
 * <p>The message reads {@code <source>:<line>:<column>: <field path>: expected <what>, found <value>}, leaving out
 * the parts that do not apply; each part is also available through a getter.
 */
public class DoraInputException extends PortolanException {

  private static final long serialVersionUID = 1L;

  /** The file or payload name. */
  private final String source;
  /** The 1-based line, or 0 when not known. */
  private final long line;
  /** The 1-based column, or 0 when not known. */
  private final long column;
  /** The field path, or null. */
  private final String fieldPath;
  /** What was expected. */
  private final String expected;
  /** What was found, or null. */
  private final String found;

  /**
   * Creates an exception.
   *
   * @param source the file or payload name
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param fieldPath the JSON path or CSV column of the bad field, or null
   * @param expected what was expected
   * @param found what was found, or null
   * @param cause the underlying failure, or null
   */
  public DoraInputException(
      String source, long line, long column, String fieldPath, String expected, String found, Throwable cause) {
    super(format(source, line, column, fieldPath, expected, found), cause);
    this.source = source;
    this.line = line;
    this.column = column;
    this.fieldPath = fieldPath;
    this.expected = expected;
    this.found = found;
  }

  private static String format(
      String source, long line, long column, String fieldPath, String expected, String found) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    sb.append(": ");
    if (fieldPath != null) {
      sb.append(fieldPath).append(": ");
    }
    sb.append("expected ").append(expected);
    if (found != null) {
      sb.append(", found ").append(found);
    }
    return sb.toString();
  }

  /**
   * The file or payload name.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * The 1-based line.
   *
   * @return the line, or 0 when unknown
   */
  public long line() {
    return line;
  }

  /**
   * The 1-based column.
   *
   * @return the column, or 0 when unknown
   */
  public long column() {
    return column;
  }

  /**
   * The path of the bad field.
   *
   * @return the JSON path or CSV column
   */
  public Optional<String> fieldPath() {
    return Optional.ofNullable(fieldPath);
  }

  /**
   * What was expected.
   *
   * @return the expectation
   */
  public String expected() {
    return expected;
  }

  /**
   * What was found.
   *
   * @return the value found
   */
  public Optional<String> found() {
    return Optional.ofNullable(found);
  }
}
