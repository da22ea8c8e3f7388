package dev.portolan.catalog.model;

/** Thrown when a text is not an entity ref; the message is Backstage's own text. */
public final class InvalidEntityRefException extends PortolanException {

  private static final long serialVersionUID = 1L;

  /** The text that failed to parse, exactly as given. */
  private final String input;

  /**
   * Creates the exception.
   *
   * @param input the text that failed to parse
   * @param message what was expected
   */
  public InvalidEntityRefException(String input, String message) {
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
