package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

  @TempDir Path dir;

  @Test
  void load_truncatedJson_locatedCleanMessage() throws IOException {
    Path f = Files.writeString(dir.resolve("base.json"), "{\"findings\": [\n  {\"rule\": \"X\"", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Baseline.load(f)).isInstanceOf(GovernanceException.class)
        .hasMessage(f + ":2:15: expected a JSON governance report (written with --format json), found malformed "
            + "JSON: Unexpected end-of-input: expected close marker for Object (opened at 2:3)")
        .hasMessageNotContaining("Source").hasMessageNotContaining("Exception");
  }

  @Test
  void load_notJson_locatedCleanMessage() throws IOException {
    Path f = Files.writeString(dir.resolve("base.json"), "{\"findings\": nope}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Baseline.load(f)).isInstanceOf(GovernanceException.class)
        .hasMessageStartingWith(f + ":1:")
        .hasMessageContaining("found malformed JSON: Unrecognized token 'nope'")
        .hasMessageNotContaining("Source").hasMessageNotContaining("Exception");
  }

  @Test
  void load_reportWithFindings_containsTheirFingerprints() throws IOException {
    Path f = Files.writeString(dir.resolve("base.json"),
        "{\"findings\": [{\"rule\": \"R\", \"entity\": \"component:default/a\", \"check\": \"c\"}]}",
        StandardCharsets.UTF_8);
    Baseline b = Baseline.load(f);
    assertThat(b.size()).isEqualTo(1);
    assertThat(b.contains(Finding.fingerprint("R", "component:default/a", "c"))).isTrue();
  }
}
