package dev.portolan.examples.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.core.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationsExampleTest {

  @TempDir Path dir;

  @Test
  void repositories_annotatedComponents_listedWithTypedValues() throws IOException {
    Files.writeString(dir.resolve("c.yaml"), TierProcessorTest.component("shop",
        "  annotations:\n    github.com/project-slug: acme/shop\n    argocd/app-name: shop-prod\n"
            + "    acme.com/cost-centre: \"42\"\n") + TierProcessorTest.component("other", ""));
    assertThat(AnnotationsExample.repositories(Catalog.builder().location(dir).build().snapshot()))
        .containsExactly("component:default/shop -> acme/shop (argocd: shop-prod, cost centre: 42)");
  }
}
