package dev.portolan.benchmarks.model;

import dev.portolan.benchmarks.gen.CatalogFile;
import dev.portolan.benchmarks.gen.CatalogGenerator;
import dev.portolan.benchmarks.gen.GeneratedCatalog;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A generated catalog held in memory as the UTF-8 bytes of its files (seed 42, 100 documents per file), so
 * that benchmarks time parsing and validation, not disk reads.
 */
@State(Scope.Benchmark)
public class GeneratedCatalogState {

  /** Number of entities; each benchmark operation handles the whole catalog. */
  @Param({"10000", "100000"})
  public int entities;

  /** Whether the catalog has AI assets (AiResource, mcp-server APIs, governance blocks). */
  @Param({"false"})
  public boolean aiAssets;

  /** File names, in order. */
  public List<String> names;

  /** File contents as UTF-8, in order. */
  public List<byte[]> files;

  /** Entity documents in all files. */
  public int documents;

  /** Generates the catalog once per trial. */
  @Setup(Level.Trial)
  public void generate() {
    GeneratedCatalog catalog =
        CatalogGenerator.builder().entities(entities).seed(42).aiAssets(aiAssets).build().generate();
    names = catalog.files().stream().map(CatalogFile::name).toList();
    files = catalog.files().stream().map(CatalogFile::bytes).toList();
    documents = catalog.entityCount();
  }
}
