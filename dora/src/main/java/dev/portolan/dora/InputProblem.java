package dev.portolan.dora;

import java.util.Objects;

/**
 * One bad line or event, kept among the first few of its kind so users can find them.
 *
 * @param source the file name ({@code -} for standard input, {@code <events>} for objects)
 * @param line the 1-based line number, or 0 when the event did not come from a line
 * @param kind {@code invalid_json}, {@code unknown_type}, {@code invalid_event}, {@code timestamp_without_offset}
 *     or {@code line_too_long}
 * @param message what is wrong
 */
public record InputProblem(String source, long line, String kind, String message) {

  /** Checks the parts. */
  public InputProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return (line > 0 ? source + ":" + line : source) + ": " + message;
  }
}
