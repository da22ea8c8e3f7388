package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelationsCommandTest {

  @TempDir Path dir;

  @Test
  void relations_jsonl_oneLinePerEntitySorted() throws Exception {
    CatalogCliFixture.Run r = CatalogCliFixture.run("relations", CatalogCliFixture.write(dir).toString(),
        "--profile", "core", "--format", "jsonl");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines()).hasSize(4).first().isEqualTo("{\"ref\":\"component:default/api\",\"relations\":["
        + "{\"type\":\"dependencyOf\",\"targetRef\":\"component:default/web\"},"
        + "{\"type\":\"dependsOn\",\"targetRef\":\"resource:default/db\"},"
        + "{\"type\":\"ownedBy\",\"targetRef\":\"group:default/team-a\"}]}");
  }

  @Test
  void relations_badProfile_usageError() throws Exception {
    assertThat(CatalogCliFixture.run("relations", dir.toString(), "--profile", "x").exit()).isEqualTo(2);
  }
}
