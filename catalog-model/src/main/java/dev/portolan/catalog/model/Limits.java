package dev.portolan.catalog.model;

/**
 * Safety limits for reading a file. Crossing one is a located error for that file (or document), never an
 * out-of-memory error or a hang.
 *
 * @param maxAliasCount the alias budget of one document, counted as the {@code yaml} parser Backstage uses
 *     counts it (each use of an anchor, multiplied by the aliases nested in the anchored node); 100 in
 *     Backstage. Crossing it stops reading the rest of the file, as in Backstage. It bounds alias expansion
 *     ("billion laughs")
 * @param maxDocumentCodePoints the largest size of one file, in code points
 * @param maxDepth the deepest nesting of mappings and sequences
 * @param maxDocuments the most documents in one file
 */
public record Limits(int maxAliasCount, int maxDocumentCodePoints, int maxDepth, int maxDocuments) {

  /** The defaults: alias count 100 (as Backstage), 16 MiB of code points, depth 500, 10,000 documents. */
  public static final Limits DEFAULTS = new Limits(100, 16 * 1024 * 1024, 500, 10_000);

  /** Checks every limit is positive. */
  public Limits {
    if (maxAliasCount < 0 || maxDocumentCodePoints < 1 || maxDepth < 1 || maxDocuments < 1) {
      throw new IllegalArgumentException("limits must be positive: " + maxAliasCount + ", "
          + maxDocumentCodePoints + ", " + maxDepth + ", " + maxDocuments);
    }
  }

  /**
   * A copy with another alias expansion limit.
   *
   * @param value the new limit
   * @return the new limits
   */
  public Limits withMaxAliasCount(int value) {
    return new Limits(value, maxDocumentCodePoints, maxDepth, maxDocuments);
  }

  /**
   * A copy with another file size limit.
   *
   * @param value the new limit, in code points
   * @return the new limits
   */
  public Limits withMaxDocumentCodePoints(int value) {
    return new Limits(maxAliasCount, value, maxDepth, maxDocuments);
  }

  /**
   * A copy with another nesting limit.
   *
   * @param value the new limit
   * @return the new limits
   */
  public Limits withMaxDepth(int value) {
    return new Limits(maxAliasCount, maxDocumentCodePoints, value, maxDocuments);
  }

  /**
   * A copy with another document count limit.
   *
   * @param value the new limit
   * @return the new limits
   */
  public Limits withMaxDocuments(int value) {
    return new Limits(maxAliasCount, maxDocumentCodePoints, maxDepth, value);
  }
}
