package dev.portolan.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportsTest {

  @TempDir Path dir;

  private static final Problem ERROR = new Problem(true, "portolan/invalid-entity", "my dir/catalog-info.yaml", 3, 7,
      Optional.of("component:default/a"), "metadata.name", "expected a name, found \"<&>\"");
  private static final Problem WARNING = new Problem(false, "portolan/location-not-fetched", "b.yaml", 0, 0,
      Optional.empty(), "", "not fetched");

  private static Map<String, String> rules() {
    Map<String, String> rules = new LinkedHashMap<>();
    rules.put("portolan/invalid-entity", "Invalid.");
    rules.put("portolan/location-not-fetched", "Not fetched.");
    return rules;
  }

  @Test
  void sarif_problems_locatedResultsWithRuleIndexes() throws IOException {
    Path out = dir.resolve("nested/check.sarif");
    Reports.sarif(out, rules(), List.of(ERROR, WARNING));
    JsonNode root = new ObjectMapper().readTree(out.toFile());
    assertThat(root.path("version").asText()).isEqualTo("2.1.0");
    JsonNode run = root.path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("rules")).hasSize(2);
    JsonNode first = run.path("results").get(0);
    assertThat(first.path("ruleId").asText()).isEqualTo("portolan/invalid-entity");
    assertThat(first.path("ruleIndex").asInt()).isZero();
    assertThat(first.path("level").asText()).isEqualTo("error");
    assertThat(first.path("message").path("text").asText())
        .isEqualTo("component:default/a: metadata.name: expected a name, found \"<&>\"");
    JsonNode loc = first.path("locations").get(0).path("physicalLocation");
    assertThat(loc.path("artifactLocation").path("uri").asText()).isEqualTo("my%20dir/catalog-info.yaml");
    assertThat(loc.path("region").path("startLine").asInt()).isEqualTo(3);
    assertThat(loc.path("region").path("startColumn").asInt()).isEqualTo(7);
    JsonNode second = run.path("results").get(1);
    assertThat(second.path("level").asText()).isEqualTo("warning");
    assertThat(second.path("locations").get(0).path("physicalLocation").has("region")).isFalse();
    assertThat(second.has("logicalLocations")).isFalse();
  }

  @Test
  void junit_filesAndProblems_oneCasePerFileFailuresForErrors() throws Exception {
    Path out = dir.resolve("TEST-portolan-check.xml");
    Reports.junit(out, "portolan check", List.of("ok.yaml", "my dir/catalog-info.yaml"), List.of(ERROR, WARNING));
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
    Element suite = doc.getDocumentElement();
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(doc.getElementsByTagName("testcase").item(1).getAttributes().getNamedItem("name").getNodeValue())
        .isEqualTo("my dir/catalog-info.yaml");
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo(ERROR.toString());
    assertThat(failure.getAttribute("type")).isEqualTo("portolan/invalid-entity");
    assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent())
        .isEqualTo("warning: b.yaml: not fetched\n");
  }

  @Test
  void junit_noProblems_everyFilePasses() throws Exception {
    Path out = dir.resolve("r.xml");
    Reports.junit(out, "portolan validate", List.of("a.yaml"), List.of());
    String xml = Files.readString(out);
    assertThat(xml).contains("tests=\"1\" failures=\"0\"").doesNotContain("<failure");
  }
}
