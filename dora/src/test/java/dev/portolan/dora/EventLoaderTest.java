package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPInputStream;
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
  void read_fileInChunksOnSeveralThreads_sameAsOneThread(@TempDir Path dir) throws IOException {
    byte[] set;
    try (InputStream in =
        new GZIPInputStream(
            Files.newInputStream(ReferenceAgreementTest.referenceDir().resolve("gen-s8-n10000.jsonl.gz")))) {
      set = in.readAllBytes();
    }
    // Bad lines spread over the file, so problems fall into different chunks; CRLF and blank lines too.
    String[] lines = new String(set, StandardCharsets.UTF_8).split("\n", -1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      text.append(lines[i]);
      if (i % 997 == 13) {
        text.append("\n{not json\n\n{\"type\":\"deploy\"}\r\n{\"type\":\"change\",\"sha\":\"x\","
            + "\"committed_at\":\"2024-01-01T00:00:00\"}");
      }
      if (i < lines.length - 1) {
        text.append('\n');
      }
    }
    Path f = dir.resolve("events.jsonl");
    Files.writeString(f, text);
    Window w = Window.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 1));
    DoraCalculator calc = DoraCalculator.builder().window(w).build();
    DoraData one = new EventLoader(1, 1).read(f).load();
    for (int threads : new int[] {2, 3, 8}) {
      DoraData many = new EventLoader(threads, 4096).read(f).read(f).load();
      DoraData twice = new EventLoader(1, 1).read(f).read(f).load();
      assertThat(ReferenceComparison.toJson(calc.report(many)))
          .as("%d threads", threads)
          .isEqualTo(ReferenceComparison.toJson(calc.report(twice)));
      assertThat(many.diagnostics().problems()).isEqualTo(twice.diagnostics().problems());
    }
    DoraData two = new EventLoader(2, 4096).read(f).load();
    assertThat(ReferenceComparison.toJson(calc.report(two))).isEqualTo(ReferenceComparison.toJson(calc.report(one)));
    assertThat(two.diagnostics().problems()).isEqualTo(one.diagnostics().problems());
    assertThat(one.diagnostics().problems()).extracting(InputProblem::line).containsExactly(
        15L, 1016L, 2017L, 3018L, 4019L, 17L, 1018L, 2019L, 3020L, 4021L, 18L, 1019L, 2020L, 3021L, 4022L);
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
