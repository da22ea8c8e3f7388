package dev.portolan.scaffolder;

import dev.portolan.catalog.model.PortolanException;

/**
 * A template could not be parsed or rendered: a syntax error, a runtime error (unknown filter, calling a
 * value that is not callable) or a crossed render budget. The message reads
 * {@code <template>:<line>:<column>: <what was expected>}; the same facts are available through the getters.
 */
public class TemplateException extends PortolanException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The template name. */
  private final String templateName;
  /** The 1-based line, or 0. */
  private final int line;
  /** The 1-based column, or 0. */
  private final int column;
  /** What was expected and what was found. */
  private final String detail;

  /**
   * Creates an exception.
   *
   * @param templateName the name of the template (a file path, or a field path for inline values)
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param detail what was expected and what was found
   */
  public TemplateException(String templateName, int line, int column, String detail) {
    super(format(templateName, line, column, detail));
    this.templateName = templateName;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  private static String format(String name, int line, int column, String detail) {
    StringBuilder sb = new StringBuilder(name);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    return sb.append(": ").append(detail).toString();
  }

  /**
   * Returns the template name.
   *
   * @return the name given when rendering
   */
  public String templateName() {
    return templateName;
  }

  /**
   * Returns the line.
   *
   * @return 1-based line, 0 when unknown
   */
  public int line() {
    return line;
  }

  /**
   * Returns the column.
   *
   * @return 1-based column, 0 when unknown
   */
  public int column() {
    return column;
  }

  /**
   * Returns the message without the location prefix.
   *
   * @return what was expected and what was found
   */
  public String detail() {
    return detail;
  }
}
