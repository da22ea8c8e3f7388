package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLoaderTest {

  static final String LINES =
      "{\"type\":\"change\",\"sha\":\"c1\",\"committed_at\":\"2024-01-01T00:00:00Z\"}\n"
          + "{\"type\":\"deployment\",\"id\":\"d\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\","
          + "\"finished_at\":\"2024-01-01T01:00:00Z\",\"commits\":[\"c1\"]}\n";

  static byte[] gzip(String s) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  @Test
  void read_gzipStreamWithoutName_detectedByMagicBytes() throws IOException {
    DoraData d =
        DoraCalculator.builder().build().loader().read(new ByteArrayInputStream(gzip(LINES)), "-").load();
    assertThat(d.diagnostics().get("lines_read")).isEqualTo(2);
    assertThat(d.diagnostics().get("delivered_changes")).isEqualTo(1);
  }

  @Test
  void read_severalFilesAndObjects_mergedTogether(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.jsonl.gz");
    Files.write(a, gzip(LINES));
    Path b = dir.resolve("b.jsonl");
    Files.writeString(b, LINES);
    DoraData d =
        DoraCalculator.builder()
            .build()
            .loader()
            .read(a)
            .read(b)
            .add(ChangeEvent.of("c1", java.time.Instant.parse("2023-12-31T00:00:00Z")))
            .load();
    assertThat(d.diagnostics().get("deployment_records")).isEqualTo(2);
    assertThat(d.diagnostics().get("deployments_unique")).isEqualTo(1);
    assertThat(d.diagnostics().get("change_records")).isEqualTo(3);
    assertThat(d.services()).containsExactly("api");
  }

  @Test
  void read_emptyFile_noLinesNoProblems(@TempDir Path dir) throws IOException {
    Path e = dir.resolve("empty.jsonl");
    Files.writeString(e, "");
    DoraData d = DoraCalculator.builder().build().load(List.of(e));
    assertThat(d.diagnostics().get("lines_read")).isZero();
    assertThat(d.diagnostics().problems()).isEmpty();
  }
}
