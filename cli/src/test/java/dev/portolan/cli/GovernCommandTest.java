package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GovernCommandTest {

  static final String CATALOG = String.join("\n",
      "apiVersion: backstage.io/v1alpha1",
      "kind: Group",
      "metadata: {name: ml}",
      "spec: {type: team, children: [], members: [alice]}",
      "---",
      "apiVersion: backstage.io/v1alpha1",
      "kind: AiResource",
      "metadata: {name: model}",
      "spec: {type: model, owner: ml, lifecycle: experimental, license: mit, trainedOn: [data],",
      "  modelCard: {intendedUse: x, limitations: [y], metrics: [{name: f1, value: 1}]}}",
      "---",
      "apiVersion: backstage.io/v1alpha1",
      "kind: AiResource",
      "metadata: {name: data}",
      "spec: {type: dataset, owner: alice, lifecycle: production, license: mit, personalData: {present: 'no'}}",
      "");

  @TempDir Path dir;
  Path catalog;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void setUp() throws Exception {
    catalog = dir.resolve("catalog-info.yaml");
    Files.writeString(catalog, CATALOG);
    out = new StringWriter();
    err = new StringWriter();
  }

  int run(String... args) {
    CommandLine cl = PortolanCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void govern_highFinding_exitsOneWithLocatedText() {
    int code = run("govern", catalog.toString(), "--date", "2026-07-01");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains(catalog + ":15:30: high INV-01 airesource:default/data: ")
        .contains("spec.owner: expected an entity in the catalog");
    assertThat(err.toString()).contains("finding(s) at or above high");
  }

  @Test
  void govern_failOnCritical_exitsZero() {
    assertThat(run("govern", catalog.toString(), "--date", "2026-07-01", "--fail-on", "critical")).isZero();
    assertThat(run("govern", catalog.toString(), "--date", "2026-07-01", "--fail-on", "none")).isZero();
  }

  @Test
  void govern_jsonToFile_thenBaselineMakesItPass() throws Exception {
    Path report = dir.resolve("report.json");
    assertThat(run("govern", catalog.toString(), "--date", "2026-07-01", "--format", "json", "-o", report.toString())).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(report.toFile());
    assertThat(j.path("asOf").asText()).isEqualTo("2026-07-01");
    assertThat(j.path("findings").get(0).path("rule").asText()).isEqualTo("INV-01");
    assertThat(run("govern", catalog.toString(), "--date", "2026-07-01", "--baseline", report.toString())).isZero();
  }

  @Test
  void govern_waiverAndCustomRules_areApplied() throws Exception {
    Path waivers = dir.resolve("waivers.yaml");
    Files.writeString(waivers, "waivers:\n  - {id: W-1, rule: INV-01, entity: airesource:default/data, justification: moving,"
        + " approvedBy: group:default/ml, expires: 2026-08-01}\n");
    Path rules = dir.resolve("rules.yaml");
    Files.writeString(rules, "rules:\n  - {id: ORG-1, title: models are production, severity: medium, appliesTo: {types: [model]},"
        + " require: {field: spec.lifecycle, equals: production}}\n");
    int code = run("govern", dir.toString(), "--date", "2026-07-01", "--waivers", waivers.toString(), "--rules", rules.toString(),
        "--fail-on", "medium", "--format", "sarif");
    assertThat(code).isEqualTo(1);
    JsonNode s = new ObjectMapper().readTree(out.toString());
    assertThat(s.path("runs").get(0).path("tool").path("driver").path("rules").size()).isEqualTo(31);
    assertThat(out.toString()).contains("\"ruleId\" : \"ORG-1\"").contains("\"justification\" : \"moving");
  }

  @Test
  void govern_badOptionsAndConfig_exitTwo() throws Exception {
    assertThat(run("govern", catalog.toString(), "--date", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("--date: expected an ISO-8601 date");
    assertThat(run("govern", catalog.toString(), "--format", "xml")).isEqualTo(2);
    assertThat(err.toString()).contains(
        "portolan govern: --format: expected one of text, json, sarif, junit, markdown, found 'xml'");
    assertThat(run("govern", catalog.toString(), "--fail-on", "severe")).isEqualTo(2);
    assertThat(err.toString()).contains(
        "portolan govern: --fail-on: expected one of critical, high, medium, low, info, none, found 'severe'");
    Path truncated = Files.writeString(dir.resolve("base.json"), "{\"findings\": [");
    assertThat(run("govern", catalog.toString(), "--baseline", truncated.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("portolan govern: " + truncated + ":1:15: expected a JSON governance report"
        + " (written with --format json), found malformed JSON: Unexpected end-of-input: expected close marker for"
        + " Array (opened at 1:14)");
    Path rules = dir.resolve("bad-rules.yml");
    Files.writeString(rules, "rules:\n  - {id: X, title: t, severity: low, require: {path: 'a/b'}}\n");
    assertThat(run("govern", catalog.toString(), "--rules", rules.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(rules + ":2:").contains("X: rules[0].require.path");
    assertThat(run("govern", dir.resolve("missing").toString())).isEqualTo(2);
    assertThat(run("govern")).isEqualTo(2);
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void govern_brokenCatalogFile_reportsItAndStillEvaluatesTheRest() throws Exception {
    Files.writeString(dir.resolve("broken.yaml"), "kind: [\n");
    int code = run("govern", dir.toString(), "--date", "2026-07-01", "--fail-on", "none");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("broken.yaml:2:1: YAML syntax error").contains("3 entities");
  }

  @Test
  void govern_markdownAndJunit_areWritten() {
    assertThat(run("govern", catalog.toString(), "--date", "2026-07-01", "--format", "markdown", "--fail-on", "none")).isZero();
    assertThat(out.toString()).startsWith("## Governance report (as of 2026-07-01)");
    out.getBuffer().setLength(0);
    assertThat(run("govern", catalog.toString(), "--date", "2026-07-01", "--format", "junit", "--fail-on", "none")).isZero();
    assertThat(out.toString()).startsWith("<?xml").contains("<testcase classname=\"INV-01\" name=\"airesource:default/data\">");
  }
}
