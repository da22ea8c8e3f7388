package dev.portolan.catalog.core;

import java.util.Objects;

/**
 * One bucket of a facet.
 *
 * @param value the value in its original case
 * @param count how many entities have it
 */
public record FacetCount(String value, long count) {

  /**
   * Checks the value is present.
   *
   * @param value the value in its original case
   * @param count how many entities have it
   */
  public FacetCount {
    Objects.requireNonNull(value, "value");
  }
}
