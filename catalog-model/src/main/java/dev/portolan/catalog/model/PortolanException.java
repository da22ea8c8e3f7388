package dev.portolan.catalog.model;

/**
 * The root of every exception Portolan throws. Each module adds a few precise subclasses; catching this
 * type catches them all.
 */
public class PortolanException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, written for the user
   */
  public PortolanException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, written for the user
   * @param cause the underlying failure
   */
  public PortolanException(String message, Throwable cause) {
    super(message, cause);
  }
}
