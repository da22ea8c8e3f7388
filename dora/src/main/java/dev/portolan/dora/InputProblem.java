package dev.portolan.dora;

import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.LocatedMessage;
import dev.portolan.catalog.model.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * One bad line or event, kept among the first few of its kind so users can find them. It prints as
 * {@code <source>:<line>:<column>: <message>}, or {@code <source>: <message>} for an event given as an object.
 *
 * @param source the file name ({@code -} for standard input, {@code <events>} for objects)
 * @param line the 1-based line number, or 0 when the event did not come from a line
 * @param column the 1-based column in code points where the problem is (the offending value, the object when a
 *     field is missing, the character JSON parsing stopped at), or 0 when the event did not come from a line
 * @param kind {@code invalid_json}, {@code unknown_type}, {@code invalid_event}, {@code timestamp_without_offset}
 *     or {@code line_too_long}
 * @param message what is wrong
 */
public record InputProblem(String source, long line, int column, String kind, String message) {

  /**
   * Checks the parts.
   *
   * @param source the file name ({@code -} for standard input, {@code <events>} for objects)
   * @param line the 1-based line number, or 0 when the event did not come from a line
   * @param column the 1-based column in code points where the problem is (the offending value, the object when a
   *     field is missing, the character JSON parsing stopped at), or 0 when the event did not come from a line
   * @param kind {@code invalid_json}, {@code unknown_type}, {@code invalid_event}, {@code timestamp_without_offset}
   *     or {@code line_too_long}
   * @param message what is wrong
   */
  public InputProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0 || (line > 0) != (column > 0)) {
      throw new IllegalArgumentException(
          "line and column are both 1-based or both 0, found " + line + ":" + column);
    }
  }

  /**
   * Where the problem is, for lines that fit a {@link SourcePosition}.
   *
   * @return the line and column, or empty for events given as objects
   */
  public Optional<SourcePosition> position() {
    return line > 0 && line <= Integer.MAX_VALUE
        ? Optional.of(new SourcePosition((int) line, column))
        : Optional.empty();
  }

  /** The problem as {@code <source>:<line>:<column>: <message>}. */
  @Override
  public String toString() {
    if (line > Integer.MAX_VALUE) {
      return source + ":" + line + ":" + column + ": " + message;
    }
    return LocatedMessage.format(source, position(), Optional.empty(), FieldPath.ROOT, message);
  }
}
