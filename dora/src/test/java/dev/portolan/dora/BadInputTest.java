package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad and awkward input is counted like the reference counts it, never thrown: invalid JSON, values that are not
 * objects, two objects on a line, an object spread over lines, CRLF and CR line breaks, blank lines, missing and
 * mistyped fields, impossible timestamps, duplicate keys, and a last line without a line break.
 */
public class BadInputTest {

  public static final String NASTY =
      String.join(
          "\n",
          "{\"type\":\"deployment\",\"id\":\"a1\",\"service\":\"api\",\"environment\":\" Production \",\"status\":\"SUCCESS\",\"finished_at\":\"2024-01-02T10:00:00Z\",\"commits\":[\"s1\",\"s2\"]}",
          "{\"type\":\"change\",\"sha\":\"s1\",\"committed_at\":\"2024-01-01T10:00:00.000001Z\"}",
          "{\"type\":\"change\",\"sha\":\"s2\",\"authored_at\":\"2024-01-01T10:00:00\"}",
          "{\"type\":\"deployment\",\"id\":\"a1\",\"service\":\"api\",\"environment\":\"production\",\"status\":\"success\",\"finished_at\":\"2024-01-02T15:30:00+05:30\",\"commits\":[\"s2\",\"s3\"]}",
          "{not json",
          "[1,2,3]",
          "\"just a string\"",
          "42",
          "{\"type\":\"deployment\",\"id\":\"a2\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"2024-01-03T00:00:00Z\"} {\"type\":\"change\",\"sha\":\"x\"}",
          "{\"type\":\"change\",",
          "\"sha\":\"s9\",\"committed_at\":\"2024-01-01T00:00:00Z\"}",
          "",
          "   \t  ",
          "{\"type\":\"build\",\"id\":\"b\"}",
          "{\"id\":\"no type\"}",
          "{\"type\":null}",
          "{\"type\":\"deployment\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\"}",
          "{\"type\":\"deployment\",\"id\":\"\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\"}",
          "{\"type\":\"deployment\",\"id\":\"a3\",\"service\":\"api\",\"environment\":null,\"status\":\"success\"}",
          "{\"type\":\"deployment\",\"id\":\"a4\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"yesterday\"}",
          "{\"type\":\"deployment\",\"id\":\"a5\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"2024-01-05T00:00:00Z\",\"commits\":\"s1\"}",
          "{\"type\":\"deployment\",\"id\":\"a6\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"2024-01-05T00:00:00Z\",\"commits\":[1]}",
          "{\"type\":\"deployment\",\"id\":\"a7\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"2024-01-05T00:00:00Z\",\"commits\":{}}",
          "{\"type\":\"deployment\",\"id\":\"a8\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"2024-01-05T00:00:00Z\",\"commits\":0,\"is_rollback\":\"true\"}",
          "{\"type\":\"deployment\",\"id\":\"a9\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"2024-01-06T00:00:00Z\",\"is_rollback\":true,\"rollback_of\":\"a1\"}\r",
          "{\"type\":\"incident\",\"id\":\"i1\",\"service\":\"api\",\"opened_at\":\"2024-01-02T11:00:00Z\",\"root_cause_sha\":\"s2\"}\r",
          "{\"type\":\"incident\",\"id\":\"i2\",\"service\":\"api\",\"opened_at\":\"2024-01-02T11:00:00Z\",\"resolved_at\":5}\r{\"type\":\"incident\",\"id\":\"i3\",\"service\":\"api\"}",
          "{\"type\":\"incident\",\"id\":\"i4\",\"service\":\"api\",\"opened_at\":null}",
          "{\"type\":\"change\",\"sha\":\"\"}",
          "{\"type\":\"change\",\"sha\":\"s3\",\"committed_at\":\"2024-02-30T00:00:00Z\"}",
          "{\"type\":\"change\",\"sha\":\"s4\",\"committed_at\":\"2024-01-01T24:00:00Z\"}",
          "{\"type\":\"deployment\",\"id\":\"dup\",\"id\":\"a10\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"2024-01-08T00:00:00Z\",\"commits\":[\"s4\"]}",
          "{\"type\":\"deployment\",\"id\":\"a11\",\"service\":\"web\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"2024-01-07T00:00:00Z\",\"commits\":[\"s1\"],\"extra\":{\"nested\":[1,{\"a\":null}]}}",
          "{\"type\":\"change\",\"sha\":\"s5\",\"committed_at\":\"2024-01-01T00:00:00Z\",\"n\":NaN}",
          "  {\"type\":\"change\",\"sha\":\"s6\",\"committed_at\":\"2024-01-01T00:00:00-00:00\"}  ",
          "\f{\"type\":\"change\",\"sha\":\"s4\",\"committed_at\":\"2024-01-01T05:00:00Z\"}",
          "\u00a0{\"type\":\"incident\",\"id\":\"i5\",\"service\":\"web\",\"opened_at\":\"2024-01-07T01:00:00Z\",\"resolved_at\":\"2024-01-07T00:00:00Z\",\"caused_by_deployment\":\"a11\"}",
          "{\"type\":\"deployment\",\"id\":\"a12\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"2024-01-29T00:00:00Z\"}",
          "{\"type\":\"deployment\",\"id\":\"a13\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"2024-01-01T00:00:00Z\",\"is_hotfix\":true}",
          "{\"type\":\"incident\",\"id\":\"i6\",\"service\":\"api\",\"opened_at\":\"2024-01-28T23:00:00Z\",\"caused_by_deployment\":\"a13\"}",
          "{\"type\":\"deployment\",\"id\":\"a14\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"running\",\"finished_at\":null}",
          "{\"type\":\"commit\",\"sha\":\"s3\",\"committed_at\":\"2024-01-03T00:00:00Z\",\"authored_at\":\"bad\"}",
          "{\"type\":\"deployment\",\"id\":\"a15\",\"service\":\"api\",\"environment\":\"prod\",\"status\":\"success\",\"finished_at\":\"2024-01-02T10:00:00Z\",\"commits\":[\"s3\"]}")
          + "\r\n{\"type\":\"change\",\"sha\":\"s8\",\"committed_at\":\"2024-01-01T00:00:00Z\"}";

  static final Window WINDOW = Window.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 29));

  private static DoraReport javaReport(Path file) {
    return DoraCalculator.builder().window(WINDOW).build().calculate(List.of(file));
  }

  @Test
  void nastyFile_read_countsEveryBadLineAndKeepsTheRest(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("nasty.jsonl");
    Files.writeString(file, NASTY, StandardCharsets.UTF_8);

    DoraReport report = javaReport(file);

    Diagnostics d = report.diagnostics();
    assertThat(d.get("lines_read")).isEqualTo(45);
    assertThat(d.get("lines_blank")).isEqualTo(2);
    assertThat(d.get("lines_invalid_json")).isEqualTo(7);
    assertThat(d.get("events_unknown_type")).isEqualTo(3);
    assertThat(d.get("events_invalid")).isEqualTo(12);
    assertThat(d.get("timestamps_without_offset")).isEqualTo(1);
    assertThat(d.get("deployments_counted")).isEqualTo(9);
    assertThat(d.problems())
        .extracting(InputProblem::kind)
        .contains("invalid_json", "unknown_type", "invalid_event", "timestamp_without_offset");
    assertThat(d.problems())
        .filteredOn(p -> p.kind().equals("invalid_json"))
        .extracting(InputProblem::line)
        .containsExactly(5L, 6L, 7L, 8L, 9L);
    assertThat(d.problems())
        .extracting(Object::toString)
        .containsExactly(
            file + ":5:2: invalid JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start"
                + " field name",
            file + ":6:1: expected a JSON object, found an array",
            file + ":7:1: expected a JSON object, found a string",
            file + ":8:1: expected a JSON object, found a number",
            file + ":9:126: unexpected data after the JSON object",
            file + ":14:9: unknown event type \"build\"",
            file + ":15:1: unknown event type missing",
            file + ":16:9: unknown event type null",
            file + ":17:1: deployment: missing field 'id'",
            file + ":18:27: deployment: field 'id' must be a non-empty string",
            file + ":19:62: deployment: field 'environment' must be a string",
            file + ":20:102: deployment: field 'finished_at' must be an RFC 3339 timestamp",
            file + ":21:135: deployment: field 'commits' must be a list of strings",
            file + ":3:43: authored_at: timestamp without UTC offset, read as UTC");
  }

  @Test
  void nastyFile_comparedWithTheReference_agrees(@TempDir Path dir) throws Exception {
    Path oracle = ReferenceComparison.sharedDir().resolve("oracle/dora/dora_ref.py");
    assumeThat(Files.isRegularFile(oracle)).as("reference implementation present").isTrue();
    Path file = dir.resolve("nasty.jsonl");
    Files.writeString(file, NASTY, StandardCharsets.UTF_8);
    Path out = dir.resolve("expected.json");
    Process p;
    try {
      p =
          new ProcessBuilder(
                  "python3", oracle.toString(), file.toString(), "--from", "2024-01-01", "--to", "2024-01-29", "-o",
                  out.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      assumeThat(false).as("python3 available").isTrue();
      return;
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();

    JsonNode expected = ReferenceComparison.read(out);
    JsonNode actual = ReferenceComparison.toJson(javaReport(file));

    assertThat(ReferenceComparison.differences(expected, actual)).isEmpty();
  }
}
