package dev.portolan.benchmarks.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CatalogFileTest {

  @Test
  void bytes_utf8OfContent() {
    assertThat(new CatalogFile("f.yaml", "name: Zoë", 1).bytes())
        .isEqualTo("name: Zoë".getBytes(StandardCharsets.UTF_8))
        .hasSize(10);
  }

  @Test
  void constructor_negativeDocuments_rejected() {
    assertThatThrownBy(() -> new CatalogFile("f.yaml", "", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("documents must not be negative, found -1");
    assertThatThrownBy(() -> new CatalogFile(null, "", 0)).isInstanceOf(NullPointerException.class);
  }
}
