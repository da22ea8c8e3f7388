package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers query while a writer refreshes in a loop; every read sees one consistent snapshot. */
class CatalogConcurrencyTest {

  @TempDir Path dir;

  @Test
  void readersDuringRefreshes_everySnapshotConsistent() throws Exception {
    Path file = dir.resolve("catalog.yaml");
    Files.writeString(file, generation(0));
    Catalog catalog = Catalog.builder().location(dir).build();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Integer>> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      readers.add(pool.submit(() -> {
        int reads = 0;
        while (!stop.get()) {
          CatalogSnapshot s = catalog.snapshot();
          // in generation g every component depends on the next and is owned by team-g: all or nothing
          String gen = s.entity("group:default/team").orElseThrow().entity().spec().get("type").asText();
          for (CatalogEntity e : s.filter("kind=component")) {
            assertThat(e.entity().spec().get("lifecycle").asText()).isEqualTo(gen);
          }
          assertThat(s.filter("kind=component")).hasSize(10);
          assertThat(s.graph().dependents(dev.portolan.catalog.model.EntityRef.parse("component:c9"),
              EntityGraph.UNBOUNDED)).hasSize(9);
          reads++;
        }
        return reads;
      }));
    }
    for (int g = 1; g <= 15; g++) {
      Files.writeString(file, generation(g));
      file.toFile().setLastModified(System.currentTimeMillis() + g * 2_000L);
      assertThat(catalog.refresh().updated()).isNotEmpty();
    }
    stop.set(true);
    for (Future<Integer> f : readers) {
      assertThat(f.get(30, TimeUnit.SECONDS)).isPositive();
    }
    pool.shutdown();
    assertThat(catalog.snapshot().version()).isEqualTo(16);
  }

  private static String generation(int g) {
    StringBuilder sb = new StringBuilder("apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team}\n"
        + "spec: {type: gen" + g + ", children: []}\n");
    for (int i = 0; i < 10; i++) {
      sb.append("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: c").append(i)
          .append("}\nspec: {type: service, lifecycle: gen").append(g).append(", owner: team")
          .append(i < 9 ? ", dependsOn: [component:c" + (i + 1) + "]" : "").append("}\n");
    }
    return sb.toString();
  }
}
