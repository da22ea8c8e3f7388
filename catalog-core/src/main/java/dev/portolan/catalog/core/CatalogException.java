package dev.portolan.catalog.core;

import dev.portolan.catalog.model.PortolanException;

/** A misuse of the catalog API, such as an unknown ref where one is required or a malformed query. */
public class CatalogException extends PortolanException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was expected and what was found
   */
  public CatalogException(String message) {
    super(message);
  }
}
