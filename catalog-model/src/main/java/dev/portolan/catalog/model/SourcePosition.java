package dev.portolan.catalog.model;

/**
 * A place in a source file, both numbers 1-based.
 *
 * @param line the line, from 1
 * @param column the column in code points, from 1
 */
public record SourcePosition(int line, int column) {

  /**
   * Checks both numbers are positive.
   *
   * @param line the line, from 1
   * @param column the column in code points, from 1
   */
  public SourcePosition {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
    }
  }

  /** The formatted position, {@code line:column}. */
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
