package dev.portolan.examples.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeEventsExampleTest {

  @Test
  void run_editAddDelete_listenerHearsEachChange(@TempDir Path dir) {
    assertThat(ChangeEventsExample.run(dir)).containsExactly(
        "added [], updated [component:default/orders], removed []",
        "added [component:default/billing], updated [], removed []",
        "added [], updated [component:default/orders], removed []",
        "now: 2 entities, orphans [component:default/orders]");
  }
}
