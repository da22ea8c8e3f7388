package dev.portolan.catalog.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalog query, as Backstage's {@code GET /entities/by-query}: filters (ORed), a {@code fields}
 * projection, an order field, a page size and a cursor. Build one with {@link #builder()}.
 *
 * @param filters the filters; none means every entity
 * @param fields the field paths to keep in {@link QueryResult#projected()}; none means whole entities
 * @param orderField the field to order by (entities without it are left out, as in Backstage); empty means
 *     ordered by ref
 * @param descending whether the order is descending
 * @param limit the page size
 * @param cursor where to continue, from {@link QueryResult#nextCursor()}; it carries the filters and order
 */
public record EntityQuery(List<EntityFilter> filters, List<String> fields, Optional<String> orderField,
    boolean descending, int limit, Optional<String> cursor) {

  /** The default page size: everything. */
  public static final int NO_LIMIT = Integer.MAX_VALUE;

  /**
   * Copies the lists and checks the limit.
   *
   * @param filters the filters; none means every entity
   * @param fields the field paths to keep in {@link QueryResult#projected()}; none means whole entities
   * @param orderField the field to order by (entities without it are left out, as in Backstage); empty means
   *     ordered by ref
   * @param descending whether the order is descending
   * @param limit the page size
   * @param cursor where to continue, from {@link QueryResult#nextCursor()}; it carries the filters and order
   */
  public EntityQuery {
    filters = List.copyOf(filters);
    fields = List.copyOf(fields);
    Objects.requireNonNull(orderField, "orderField");
    Objects.requireNonNull(cursor, "cursor");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, found " + limit);
    }
    for (String f : fields) {
      if (f.contains("[")) {
        throw new CatalogException("Invalid field \"" + f + "\", array type fields are not supported");
      }
    }
  }

  /**
   * A builder for a query matching every entity.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EntityQuery}. */
  public static final class Builder {
    private final List<EntityFilter> filters = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private String orderField;
    private boolean descending;
    private int limit = NO_LIMIT;
    private String cursor;

    private Builder() {}

    /**
     * Adds a filter (ORed with the others).
     *
     * @param expression e.g. {@code kind=component,spec.type=service}
     * @return this builder
     */
    public Builder filter(String expression) {
      filters.add(EntityFilter.parse(expression));
      return this;
    }

    /**
     * Adds a filter (ORed with the others).
     *
     * @param filter the filter
     * @return this builder
     */
    public Builder filter(EntityFilter filter) {
      filters.add(Objects.requireNonNull(filter, "filter"));
      return this;
    }

    /**
     * Adds projected fields.
     *
     * @param paths dot paths such as {@code metadata.name} or {@code spec}
     * @return this builder
     */
    public Builder fields(String... paths) {
      for (String p : paths) {
        for (String part : p.split(",")) {
          if (!part.isBlank()) {
            fields.add(part.trim());
          }
        }
      }
      return this;
    }

    /**
     * Orders by a field.
     *
     * @param field the field path
     * @param descending whether descending
     * @return this builder
     */
    public Builder orderBy(String field, boolean descending) {
      this.orderField = Objects.requireNonNull(field, "field");
      this.descending = descending;
      return this;
    }

    /**
     * Sets the page size.
     *
     * @param limit at least 1
     * @return this builder
     */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /**
     * Continues from a cursor.
     *
     * @param cursor a {@link QueryResult#nextCursor()} or {@link QueryResult#prevCursor()}
     * @return this builder
     */
    public Builder cursor(String cursor) {
      this.cursor = Objects.requireNonNull(cursor, "cursor");
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     */
    public EntityQuery build() {
      return new EntityQuery(filters, fields, Optional.ofNullable(orderField), descending, limit,
          Optional.ofNullable(cursor));
    }
  }
}
