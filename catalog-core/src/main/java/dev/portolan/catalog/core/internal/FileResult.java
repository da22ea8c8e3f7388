package dev.portolan.catalog.core.internal;

import dev.portolan.catalog.core.CatalogProblem;
import java.nio.file.Path;
import java.util.List;

/**
 * What one file gave: its valid entities, its problems and the files its Location entities point at.
 *
 * @param entities the valid entities, in document order
 * @param problems the problems, in document order
 * @param children the Location targets, in order
 * @param dependencies every file read (the file itself and placeholder files) with its stamp
 */
record FileResult(List<Ingested> entities, List<CatalogProblem> problems, List<Child> children,
    List<Stamp> dependencies) {

  /**
   * A Location target.
   *
   * @param path the file to read
   * @param display how to name it in messages
   * @param from the Location entity that names it
   */
  record Child(Path path, String display, Ingested from) {}

  /**
   * A file's identity at read time.
   *
   * @param path the file
   * @param modified the modification time in milliseconds, -1 when missing
   * @param size the size, -1 when missing
   */
  record Stamp(Path path, long modified, long size) {}
}
