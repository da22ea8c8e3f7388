package dev.portolan.catalog.model;

/** Thrown when a text is not a {@link FieldPath}. */
public final class InvalidFieldPathException extends PortolanException {

  private static final long serialVersionUID = 1L;

  /** The text that failed to parse, exactly as given. */
  private final String input;

  /**
   * Creates the exception.
   *
   * @param input the text that failed to parse
   * @param message what was expected where
   */
  public InvalidFieldPathException(String input, String message) {
    super(message);
    this.input = input;
  }

  /**
   * The text that failed to parse.
   *
   * @return the input
   */
  public String input() {
    return input;
  }
}
