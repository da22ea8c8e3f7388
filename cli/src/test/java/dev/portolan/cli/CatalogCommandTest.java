package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCommandTest {

  @TempDir Path dir;

  @Test
  void catalog_filtersOredAndFields_jsonl() throws Exception {
    CatalogCliFixture.Run r = CatalogCliFixture.run("catalog", CatalogCliFixture.write(dir).toString(),
        "--filter", "kind=component,spec.type=service", "--filter", "kind=resource", "--fields", "metadata.name",
        "--format", "jsonl");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines()).containsExactly("{\"metadata\":{\"name\":\"api\"}}", "{\"metadata\":{\"name\":\"db\"}}");
  }

  @Test
  void catalog_table_headerAndRows() throws Exception {
    CatalogCliFixture.Run r = CatalogCliFixture.run("catalog", CatalogCliFixture.write(dir).toString(),
        "--filter", "kind=component");
    assertThat(r.out().lines()).first().asString().startsWith("REF").contains("SPEC.TYPE");
    assertThat(r.out()).contains("component:default/web").contains("website").endsWith("2 entities\n");
  }

  @Test
  void catalog_badFilter_usageError() throws Exception {
    CatalogCliFixture.Run r = CatalogCliFixture.run("catalog", CatalogCliFixture.write(dir).toString(),
        "--filter", "=oops");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("is not a valid statement");
  }

  @Test
  void catalog_missingPath_usageError() throws Exception {
    assertThat(CatalogCliFixture.run("catalog", dir.resolve("nope").toString()).exit()).isEqualTo(2);
  }
}
