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
 * @param maxNodes the most YAML nodes (scalars, sequences, mappings, aliases) in one file, which bounds the
 *     memory a file can take
 */
public record Limits(int maxAliasCount, int maxDocumentCodePoints, int maxDepth, int maxDocuments, int maxNodes) {

  /**
   * The defaults: alias count 100 (as Backstage), 16 MiB of code points, depth 500, 10,000 documents and
   * 1,000,000 nodes per file.
   */
  public static final Limits DEFAULTS = new Limits(100, 16 * 1024 * 1024, 500, 10_000, 1_000_000);

  /**
   * Checks every limit is positive.
   *
   * @param maxAliasCount the alias budget of one document, counted as the {@code yaml} parser Backstage uses
   *     counts it (each use of an anchor, multiplied by the aliases nested in the anchored node); 100 in
   *     Backstage. Crossing it stops reading the rest of the file, as in Backstage. It bounds alias expansion
   *     ("billion laughs")
   * @param maxDocumentCodePoints the largest size of one file, in code points
   * @param maxDepth the deepest nesting of mappings and sequences
   * @param maxDocuments the most documents in one file
   * @param maxNodes the most YAML nodes (scalars, sequences, mappings, aliases) in one file, which bounds the
   *     memory a file can take
   */
  public Limits {
    if (maxAliasCount < 0 || maxDocumentCodePoints < 1 || maxDepth < 1 || maxDocuments < 1 || maxNodes < 1) {
      throw new IllegalArgumentException("limits must be positive: " + maxAliasCount + ", "
          + maxDocumentCodePoints + ", " + maxDepth + ", " + maxDocuments + ", " + maxNodes);
    }
  }

  /**
   * Limits with the default node limit.
   *
   * @param maxAliasCount the alias budget of one document
   * @param maxDocumentCodePoints the largest size of one file, in code points
   * @param maxDepth the deepest nesting
   * @param maxDocuments the most documents in one file
   */
  public Limits(int maxAliasCount, int maxDocumentCodePoints, int maxDepth, int maxDocuments) {
    this(maxAliasCount, maxDocumentCodePoints, maxDepth, maxDocuments, 1_000_000);
  }

  /**
   * A copy with another node limit.
   *
   * @param value the new limit
   * @return the new limits
   */
  public Limits withMaxNodes(int value) {
    return new Limits(maxAliasCount, maxDocumentCodePoints, maxDepth, maxDocuments, value);
  }

  /**
   * A copy with another alias expansion limit.
   *
   * @param value the new limit
   * @return the new limits
   */
  public Limits withMaxAliasCount(int value) {
    return new Limits(value, maxDocumentCodePoints, maxDepth, maxDocuments, maxNodes);
  }

  /**
   * A copy with another file size limit.
   *
   * @param value the new limit, in code points
   * @return the new limits
   */
  public Limits withMaxDocumentCodePoints(int value) {
    return new Limits(maxAliasCount, value, maxDepth, maxDocuments, maxNodes);
  }

  /**
   * A copy with another nesting limit.
   *
   * @param value the new limit
   * @return the new limits
   */
  public Limits withMaxDepth(int value) {
    return new Limits(maxAliasCount, maxDocumentCodePoints, value, maxDocuments, maxNodes);
  }

  /**
   * A copy with another document count limit.
   *
   * @param value the new limit
   * @return the new limits
   */
  public Limits withMaxDocuments(int value) {
    return new Limits(maxAliasCount, maxDocumentCodePoints, maxDepth, value, maxNodes);
  }
}
