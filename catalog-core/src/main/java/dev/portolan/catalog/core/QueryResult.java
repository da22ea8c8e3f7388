package dev.portolan.catalog.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of query results.
 *
 * @param items the entities of this page
 * @param projected the items as Backstage JSON (with {@code relations}), restricted to the query's fields;
 *     fresh objects for each call of {@link CatalogSnapshot#query}
 * @param totalItems how many entities match in total
 * @param nextCursor the cursor of the next page, when there is one
 * @param prevCursor the cursor of the previous page, when there is one
 */
public record QueryResult(List<CatalogEntity> items, List<ObjectNode> projected, int totalItems,
    Optional<String> nextCursor, Optional<String> prevCursor) {

  /**
   * Copies the lists.
   *
   * @param items the entities of this page
   * @param projected the items as Backstage JSON (with {@code relations}), restricted to the query's fields;
   *     fresh objects for each call of {@link CatalogSnapshot#query}
   * @param totalItems how many entities match in total
   * @param nextCursor the cursor of the next page, when there is one
   * @param prevCursor the cursor of the previous page, when there is one
   */
  public QueryResult {
    items = List.copyOf(items);
    projected = List.copyOf(projected);
    Objects.requireNonNull(nextCursor, "nextCursor");
    Objects.requireNonNull(prevCursor, "prevCursor");
  }
}
