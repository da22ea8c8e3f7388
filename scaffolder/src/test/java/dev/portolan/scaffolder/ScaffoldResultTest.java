package dev.portolan.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScaffoldResultTest {

  @Test
  void generatedFile_copiesContentAndDecodesText() {
    byte[] bytes = "héllo".getBytes(StandardCharsets.UTF_8);
    ScaffoldResult.GeneratedFile f = new ScaffoldResult.GeneratedFile("a.txt", bytes, false, false);
    bytes[0] = 'X';
    assertThat(f.text()).isEqualTo("héllo");
    assertThat(f).isEqualTo(new ScaffoldResult.GeneratedFile("a.txt", "héllo".getBytes(StandardCharsets.UTF_8),
        false, false));
  }

  @Test
  void succeeded_isTrueExactlyWithoutError() {
    ScaffoldResult ok = new ScaffoldResult(List.of(), List.of(), ScaffolderTest.json("{}"), List.of(),
        Optional.empty());
    ScaffoldResult failed = new ScaffoldResult(List.of(), List.of(), ScaffolderTest.json("{}"), List.of(),
        Optional.of("boom"));
    assertThat(ok.succeeded()).isTrue();
    assertThat(failed.succeeded()).isFalse();
  }
}
