package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

  /**
   * Records of one incident spread over a file read in chunks, in either order: the least service and named
   * deployment and root-cause sha, the earliest opening and the latest resolution, whichever chunk each is in.
   */
  @Test
  void read_incidentRecordsInDifferentChunks_mergedByTheirRules(@TempDir Path dir) throws IOException {
    String sha1 = "1".repeat(40);
    String sha2 = "2".repeat(40);
    List<String> records =
        List.of(
            "{\"type\":\"deployment\",\"id\":\"a\",\"service\":\"api\",\"environment\":\"production\","
                + "\"status\":\"success\",\"finished_at\":\"2024-01-10T00:00:00Z\",\"commits\":[\"" + sha1 + "\"]}",
            "{\"type\":\"deployment\",\"id\":\"b\",\"service\":\"api\",\"environment\":\"production\","
                + "\"status\":\"success\",\"finished_at\":\"2024-01-12T00:00:00Z\",\"commits\":[\"" + sha2 + "\"]}",
            "{\"type\":\"incident\",\"id\":\"i1\",\"service\":\"web\",\"opened_at\":\"2024-01-10T02:00:00Z\","
                + "\"caused_by_deployment\":\"b\",\"root_cause_sha\":\"" + sha2 + "\"}",
            "{\"type\":\"incident\",\"id\":\"i1\",\"service\":\"api\",\"opened_at\":\"2024-01-10T01:00:00Z\","
                + "\"resolved_at\":\"2024-01-10T03:00:00Z\",\"caused_by_deployment\":\"a\"}",
            "{\"type\":\"incident\",\"id\":\"i1\",\"service\":\"web\",\"opened_at\":\"2024-01-10T05:00:00Z\","
                + "\"resolved_at\":\"2024-01-10T06:00:00Z\",\"root_cause_sha\":\"" + sha1 + "\"}",
            "{\"type\":\"incident\",\"id\":\"i2\",\"service\":\"web\",\"opened_at\":\"2024-01-11T00:00:00Z\","
                + "\"root_cause_sha\":\"" + sha2 + "\"}");
    Window w = Window.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1));
    DoraCalculator calc = DoraCalculator.builder().window(w).build();
    JsonNode expected = null;
    for (boolean reversed : new boolean[] {false, true}) {
      StringBuilder text = new StringBuilder();
      for (int k = 0; k < records.size(); k++) {
        text.append(records.get(reversed ? records.size() - 1 - k : k)).append('\n');
        for (int pad = 0; pad < 60; pad++) {
          text.append("{\"type\":\"change\",\"sha\":\"").append(String.format("%040x", 1000L * k + pad))
              .append("\",\"committed_at\":\"2024-01-01T00:00:00Z\"}\n");
        }
      }
      Path f = dir.resolve("incidents-" + reversed + ".jsonl");
      Files.writeString(f, text);
      for (int threads : new int[] {1, 2, 3}) {
        DoraData d = new EventLoader(threads, 4096).read(f).load();
        DoraReport r = calc.report(d);
        ScopeMetrics api = r.services().get("api");
        assertThat(d.diagnostics().get("incidents_unique")).isEqualTo(2);
        assertThat(d.diagnostics().get("incident_records")).isEqualTo(4);
        // i1: service api, opened 01:00, resolved 06:00 (the latest), caused by a (the least name).
        assertThat(api.timeToRestore().durations().medianSeconds()).hasValue(5 * 3_600.0);
        assertThat(api.changeFailureRate().failedDeployments()).isEqualTo(1);
        assertThat(api.failedDeploymentRecoveryTime().durations().medianSeconds()).hasValue(6 * 3_600.0);
        // i2 names sha2 as its root cause on web, where no deployment delivered it.
        assertThat(r.services().get("web").timeToRestore().openIncidents()).isEqualTo(1);
        assertThat(d.diagnostics().get("incidents_linked_by_deployment_id")).isEqualTo(1);
        assertThat(d.diagnostics().get("incidents_unlinked")).isEqualTo(1);
        JsonNode json = ReferenceComparison.toJson(r);
        if (expected == null) {
          expected = json;
        }
        assertThat(json).as("reversed %s, %d threads", reversed, threads).isEqualTo(expected);
      }
    }
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
