package dev.portolan.benchmarks.gen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A generated catalog held in memory: its files in order and how many entities of each kind it has.
 *
 * @param seed the seed it was generated from
 * @param files the multi-document YAML files, in order
 * @param entitiesByKind the number of entities per kind, sorted by kind
 */
public record GeneratedCatalog(long seed, List<CatalogFile> files, Map<String, Integer> entitiesByKind) {

  /** Copies the collections. */
  public GeneratedCatalog {
    files = List.copyOf(files);
    entitiesByKind = Map.copyOf(entitiesByKind);
  }

  /**
   * The entity counts sorted by kind, for reports.
   *
   * @return a sorted copy of {@link #entitiesByKind()}
   */
  public Map<String, Integer> sortedEntitiesByKind() {
    return new TreeMap<>(entitiesByKind);
  }

  /**
   * The number of entity documents in all files.
   *
   * @return the entity count
   */
  public int entityCount() {
    return entitiesByKind.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * The size of all files in UTF-8.
   *
   * @return the byte count
   */
  public long byteCount() {
    return files.stream().mapToLong(f -> f.content().getBytes(StandardCharsets.UTF_8).length).sum();
  }

  /**
   * Writes every file into {@code dir}, creating it if needed. Files named like generated catalog files
   * ({@code catalog-NNNNN.yaml}) that are already there are removed first, so a smaller catalog never leaves
   * stale files behind; other files are left alone.
   *
   * @param dir the output directory
   * @throws IOException if a file cannot be written
   */
  public void writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "catalog-*.yaml")) {
      for (Path p : old) {
        if (p.getFileName().toString().matches("catalog-\\d+\\.yaml")) {
          Files.delete(p);
        }
      }
    }
    for (CatalogFile f : files) {
      Files.writeString(dir.resolve(f.name()), f.content(), StandardCharsets.UTF_8);
    }
  }
}
