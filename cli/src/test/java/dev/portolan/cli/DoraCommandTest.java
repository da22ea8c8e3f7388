package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DoraCommandTest {

  static final Path SCENARIO =
      Path.of(System.getProperty("portolan.shared.dir", "../../shared"), "oracle/dora/fixtures/scenario.jsonl");

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = PortolanCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void dora_jsonFormat_referenceLayoutAndExitOneForSkippedLines() throws Exception {
    Run r = run("dora", SCENARIO.toString(), "--from", "2024-01-01", "--to", "2024-01-29", "--format", "json");
    JsonNode json = new ObjectMapper().readTree(r.out());
    JsonNode expected =
        new ObjectMapper().readTree(SCENARIO.resolveSibling("scenario.expected.json").toFile());
    assertThat(json.get("overall")).isEqualTo(expected.get("overall"));
    assertThat(json.get("diagnostics")).isEqualTo(expected.get("diagnostics"));
    assertThat(json.get("problems").get(0).get("line").asInt()).isEqualTo(25);
    assertThat(json.get("problems").get(0).get("column").asInt()).isEqualTo(2);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("2 line(s) or event(s) skipped; first: ").contains("scenario.jsonl:25:2: invalid JSON");
  }

  @Test
  void dora_weeklyJson_oneEntryPerWeek() throws Exception {
    Run r =
        run("dora", SCENARIO.toString(), "--from", "2024-01-01", "--to", "2024-01-29", "--format", "json",
            "--weekly");
    JsonNode weekly = new ObjectMapper().readTree(r.out()).get("weekly");
    assertThat(weekly).hasSize(4);
    assertThat(weekly.get(0).get("from").asText()).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(weekly.get(0).at("/metrics/deployment_frequency/deployments").asInt()).isEqualTo(5);
  }

  @Test
  void dora_textFormat_tableWithTiers() {
    Run r = run("dora", SCENARIO.toString(), "--from", "2024-01-01", "--to", "2024-01-29");
    assertThat(r.out())
        .contains("DORA metrics [2024-01-01, 2024-01-29) (28 days, UTC), tiers dora-2023")
        .containsPattern("api\\s+5\\s+1.25\\s+medium\\s+8.0 h\\s+elite\\s+60.0%\\s+low")
        .contains("(overall)");
  }

  @Test
  void dora_htmlFormat_selfContainedPageWithAChartPerMetric(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("dora.html");
    Run r =
        run("dora", SCENARIO.toString(), "--from", "2024-01-01", "--to", "2024-01-29", "--format", "html", "-o",
            html.toString());
    String page = Files.readString(html);
    assertThat(r.out()).isEmpty();
    assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(page.split("<svg ", -1)).hasSize(6);
    assertThat(page.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:", "<script", "<link");
  }

  @Test
  void dora_byTeamWithCatalog_groupsRows(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("catalog-info.yaml"),
        String.join(
            "\n",
            "apiVersion: backstage.io/v1alpha1",
            "kind: Group",
            "metadata: {name: platform}",
            "spec: {type: team, children: []}",
            "---",
            "apiVersion: backstage.io/v1alpha1",
            "kind: Component",
            "metadata: {name: api}",
            "spec: {type: service, lifecycle: production, owner: platform}",
            ""));
    Run r =
        run("dora", SCENARIO.toString(), "--from", "2024-01-01", "--to", "2024-01-29", "--catalog", dir.toString(),
            "--by", "team", "--format", "json");
    JsonNode rollup = new ObjectMapper().readTree(r.out()).get("rollup");
    assertThat(rollup.get("by").asText()).isEqualTo("team");
    assertThat(rollup.get("groups").get("group:default/platform").get("services").toString()).isEqualTo("[\"api\"]");
    assertThat(rollup.get("unmapped_services").toString()).isEqualTo("[\"web\"]");
  }

  @Test
  void dora_threads_sameReportWithAnyNumber() {
    String[] base = {"dora", SCENARIO.toString(), "--from", "2024-01-01", "--to", "2024-01-29", "--format", "json"};
    Run one = run(concat(base, "--threads", "1"));
    Run four = run(concat(base, "--threads", "4"));
    assertThat(one.exit()).isEqualTo(1);
    assertThat(four.out()).isEqualTo(one.out()).contains("\"overall\"");
    Run zero = run(concat(base, "--threads", "0"));
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).contains("--threads must be at least 1, found 0");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void dora_byTeamWithoutCatalog_usageError() {
    Run r = run("dora", SCENARIO.toString(), "--by", "team");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--by team needs --catalog PATH");
  }

  @Test
  void dora_badDate_usageError() {
    Run r = run("dora", SCENARIO.toString(), "--from", "2024-13-01");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--from must be a date YYYY-MM-DD, found 2024-13-01");
  }

  @Test
  void dora_missingFile_usageErrorWithoutReport() {
    Run r = run("dora", "no-such-events.jsonl");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("portolan: no such file or directory: no-such-events.jsonl");
  }
}
