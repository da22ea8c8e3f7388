package dev.portolan.examples.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogProblem;
import dev.portolan.catalog.core.CatalogSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TierProcessorTest {

  @TempDir Path dir;

  static String component(String name, String annotations) {
    return "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name + "\n"
        + annotations + "spec:\n  type: service\n  lifecycle: production\n  owner: team-a\n";
  }

  @Test
  void process_tiersAndOncall_defaultsRelationsAndRejections() throws IOException {
    Files.writeString(dir.resolve("c.yaml"), component("plain", "")
        + component("critical", "  annotations:\n    acme.com/tier: \"1\"\n    acme.com/oncall: sre\n")
        + component("unowned", "  annotations:\n    acme.com/tier: \"1\"\n"));
    CatalogSnapshot s = Catalog.builder().location(dir).processor(new TierProcessor()).build().snapshot();
    assertThat(s.entity("component:default/plain").orElseThrow().entity().metadata().annotation("acme.com/tier"))
        .contains("3");
    assertThat(s.entity("component:default/critical").orElseThrow().relations()).extracting(r -> r.toString())
        .contains("component:default/critical pagedBy group:default/sre");
    assertThat(s.entity("component:default/unowned")).isEmpty();
    assertThat(s.errors()).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo(CatalogProblem.Kind.PROCESSOR);
      assertThat(p.path().toString()).isEqualTo("metadata.annotations[\"acme.com/oncall\"]");
      assertThat(p.position()).isPresent();
    });
  }
}
