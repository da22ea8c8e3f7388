package dev.portolan.benchmarks.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedCatalogTest {

  private static final GeneratedCatalog CATALOG = new GeneratedCatalog(3,
      List.of(new CatalogFile("catalog-00001.yaml", "---\na: é\n", 1), new CatalogFile("catalog-00002.yaml", "---\nb: 1\n", 1)),
      Map.of("User", 1, "Group", 1));

  @Test
  void counts_sumOfKindsAndUtf8Bytes() {
    assertThat(CATALOG.entityCount()).isEqualTo(2);
    assertThat(CATALOG.byteCount()).isEqualTo(10 + 9);
    assertThat(CATALOG.sortedEntitiesByKind().keySet()).containsExactly("Group", "User");
  }

  @Test
  void constructor_copiesCollections() {
    List<CatalogFile> files = new ArrayList<>(CATALOG.files());
    GeneratedCatalog c = new GeneratedCatalog(1, files, Map.of());
    files.clear();
    assertThat(c.files()).hasSize(2);
    assertThatThrownBy(() -> c.files().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void writeTo_replacesOnlyGeneratedFiles(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("nested/out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("catalog-00007.yaml"), "stale");
    Files.writeString(out.resolve("catalog-notes.yaml"), "kept: true");

    CATALOG.writeTo(out);

    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("catalog-00001.yaml", "catalog-00002.yaml", "catalog-notes.yaml");
    }
    assertThat(Files.readString(out.resolve("catalog-00001.yaml"))).isEqualTo("---\na: é\n");
  }
}
