package dev.portolan.governance;

/**
 * Where something was read from.
 *
 * @param file the file as given by the caller
 * @param line the 1-based line
 * @param column the 1-based column
 */
public record SourceLocation(String file, int line, int column) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
