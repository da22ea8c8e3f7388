package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.portolan.catalog.core.CatalogProblem;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class CheckCommandTest {

  @TempDir Path dir;

  @Test
  void check_cleanCatalog_exitsZero() throws Exception {
    CatalogCliFixture.Run r = CatalogCliFixture.run("check", CatalogCliFixture.write(dir).toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("4 entities, 0 error(s)");
  }

  @Test
  void check_problems_textLinesLocatedAndExitOne() throws Exception {
    CatalogCliFixture.Run r = CatalogCliFixture.run("check", CatalogCliFixture.writeBroken(dir).toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).containsPattern("error: .*broken.yaml:3:\\d+: component:default/bad name: metadata.name: ")
        .containsPattern("error: .*broken.yaml:9:\\d+: component:default/lonely: spec.owner: ownedBy relation to "
            + "group:default/nobody, which is not in the catalog");
  }

  @Test
  void check_sarif_validAgainstTheOfficialSchemaWithLocations() throws Exception {
    CatalogCliFixture.Run r = CatalogCliFixture.run("check", "--format", "sarif",
        CatalogCliFixture.writeBroken(dir).toString());
    assertThat(r.exit()).isEqualTo(1);
    JsonNode sarif = new ObjectMapper().readTree(r.out());
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    Set<ValidationMessage> errors = schema.validate(sarif);
    assertThat(errors).isEmpty();
    JsonNode results = sarif.get("runs").get(0).get("results");
    assertThat(results.size()).isGreaterThanOrEqualTo(2);
    JsonNode first = results.get(0);
    assertThat(first.get("level").asText()).isEqualTo("error");
    JsonNode loc = first.get("locations").get(0).get("physicalLocation");
    assertThat(loc.get("artifactLocation").get("uri").asText()).endsWith("broken.yaml");
    assertThat(loc.get("region").get("startLine").asInt()).isEqualTo(3);
    assertThat(first.get("ruleId").asText()).isEqualTo("portolan/invalid-entity");
    assertThat(sarif.get("runs").get(0).get("tool").get("driver").get("rules")
        .get(first.get("ruleIndex").asInt()).get("id").asText()).isEqualTo("portolan/invalid-entity");
  }

  @Test
  void check_sarif_missingRequiredPartIsCaughtBySchema() throws Exception {
    CatalogCliFixture.Run r = CatalogCliFixture.run("check", "--format", "sarif",
        CatalogCliFixture.writeBroken(dir).toString());
    com.fasterxml.jackson.databind.node.ObjectNode sarif =
        (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(r.out());
    sarif.remove("version");
    try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in).validate(sarif))
          .isNotEmpty();
    }
  }

  @Test
  void check_junit_wellFormedWithOneTestCasePerEntityAndCheck() throws Exception {
    CatalogCliFixture.Run r = CatalogCliFixture.run("check", "--format", "junit",
        CatalogCliFixture.writeBroken(dir).toString());
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    int checks = CatalogProblem.Kind.values().length;
    assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("testsuites");
    assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(checks);
    // 5 entities in every check, and the invalid document (not an entity) in the invalid-entity check alone
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(5 * checks + 1);
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
  }

  @Test
  void check_json_countsAndProblems() throws Exception {
    CatalogCliFixture.Run r = CatalogCliFixture.run("check", "--format", "json",
        CatalogCliFixture.writeBroken(dir).toString());
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertThat(n.get("entities").asInt()).isEqualTo(5);
    assertThat(n.get("errors").asInt()).isEqualTo(n.get("problems").size());
    assertThat(n.get("problems").get(0).has("line")).isTrue();
  }

  @Test
  void check_unknownFormat_usageError() throws Exception {
    assertThat(CatalogCliFixture.run("check", "--format", "xml", dir.toString()).exit()).isEqualTo(2);
  }
}
