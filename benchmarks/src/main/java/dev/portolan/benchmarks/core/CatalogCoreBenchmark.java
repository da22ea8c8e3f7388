package dev.portolan.benchmarks.core;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogEntity;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.EntityGraph;
import dev.portolan.catalog.model.DocumentReader;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * catalog-core on a generated catalog (directory in the system property {@code portolan.bench.catalog},
 * e.g. the output of the oracle's {@code node gen.js --sizes 100k}).
 *
 * <ul>
 *   <li>{@code bareParse}: reading every file into YAML documents (the baseline of {@code load});</li>
 *   <li>{@code load}: building a queryable catalog snapshot from the same files (validation, relations,
 *       stitching, graph);</li>
 *   <li>{@code transitiveDependents}: the blast radius of one entity, unbounded depth;</li>
 *   <li>{@code filterIndexed}: a filter on an indexed field, rotating over more owners than the result
 *       cache holds, so most calls evaluate the index;</li>
 *   <li>{@code filterScanBaseline}: the same filter answered by a linear scan of the entities.</li>
 * </ul>
 */
public class CatalogCoreBenchmark {

  static Path catalogDir() {
    return Path.of(System.getProperty("portolan.bench.catalog", "target/catalog-100k"));
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** The files, read once. */
  @State(Scope.Benchmark)
  public static class Files0 {
    List<Path> files;
    List<byte[]> bytes;

    @Setup(Level.Trial)
    public void setup() throws IOException {
      files = files(catalogDir());
      bytes = new ArrayList<>();
      for (Path p : files) {
        bytes.add(Files.readAllBytes(p));
      }
    }
  }

  /** A loaded catalog and the inputs of the query benchmarks. */
  @State(Scope.Benchmark)
  public static class Loaded {
    CatalogSnapshot snapshot;
    EntityRef hub;
    List<String> ownerFilters = new ArrayList<>();
    int next;

    @Setup(Level.Trial)
    public void setup() {
      snapshot = Catalog.builder().location(catalogDir()).build().snapshot();
      EntityGraph g = snapshot.graph();
      // the entity with the most direct dependents: the worst realistic blast radius
      int best = -1;
      for (CatalogEntity e : snapshot.entities()) {
        int d = g.dependents(e.ref(), 1).size();
        if (d > best) {
          best = d;
          hub = e.ref();
        }
      }
      for (CatalogEntity e : snapshot.filter("kind=group")) {
        ownerFilters.add("kind=component,spec.owner=" + e.ref().name());
      }
      snapshot.filter(ownerFilters.get(0));
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int bareParse(Files0 f) {
    DocumentReader reader = DocumentReader.create();
    int docs = 0;
    for (int i = 0; i < f.files.size(); i++) {
      List<SourceDocument> d = reader.read(f.files.get(i).toString(), f.bytes.get(i));
      docs += d.size();
    }
    return docs;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int load() {
    return Catalog.builder().location(catalogDir()).build().snapshot().graph().edgeCount();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int transitiveDependents(Loaded l) {
    return l.snapshot.graph().dependents(l.hub, EntityGraph.UNBOUNDED).size();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int filterIndexed(Loaded l) {
    String f = l.ownerFilters.get(l.next++ % l.ownerFilters.size());
    return l.snapshot.filter(f).size();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int filterScanBaseline(Loaded l) {
    String owner = "group:default/"
        + l.ownerFilters.get(l.next++ % l.ownerFilters.size()).substring("kind=component,spec.owner=".length());
    int n = 0;
    for (CatalogEntity e : l.snapshot.entities()) {
      if (e.kind().equalsIgnoreCase("component")) {
        for (var r : e.relations()) {
          if (r.type().id().equals("ownedBy") && r.target().toString().equals(owner)) {
            n++;
          }
        }
      }
    }
    return n;
  }
}
