package dev.portolan.benchmarks.gen;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One generated multi-document YAML file.
 *
 * @param name the file name, e.g. {@code catalog-00001.yaml}
 * @param content the YAML text
 * @param documents how many entity documents the file holds
 */
public record CatalogFile(String name, String content, int documents) {

  /** Checks the components. */
  public CatalogFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    if (documents < 0) {
      throw new IllegalArgumentException("documents must not be negative, found " + documents);
    }
  }

  /**
   * The file's content encoded as UTF-8, as it is written to disk.
   *
   * @return a new array holding the UTF-8 bytes
   */
  public byte[] bytes() {
    return content.getBytes(StandardCharsets.UTF_8);
  }
}
