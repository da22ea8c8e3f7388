package dev.portolan.catalog.model;

import java.util.Objects;

/**
 * Backstage's own rejection of a document: the stage that rejects it and the error text the catalog
 * reports, including its {@code ; caused by ...} chain. Useful to check conformance and to search
 * Backstage's documentation and issues; {@link Violation}s are more precise.
 *
 * @param stage the first stage that rejects the document
 * @param message the catalog's error text, as close to Backstage's wording as Portolan reproduces it
 */
public record BackstageVerdict(Stage stage, String message) {

  /**
   * Checks the parts are present.
   *
   * @param stage the first stage that rejects the document
   * @param message the catalog's error text, as close to Backstage's wording as Portolan reproduces it
   */
  public BackstageVerdict {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(message, "message");
  }
}
