package dev.portolan.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.model.testing.CatalogArbitraries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogModelTest {

  private static final CatalogModel APP = CatalogModel.builder().build();
  private static final CatalogModel CORE = CatalogModel.builder().profile(Profile.CORE).build();

  private static final String COMPONENT = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: payments
        namespace: shop
        labels:
          tier: gold
        annotations:
          backstage.io/techdocs-ref: dir:.
        tags: [java, lang:go]
        links:
          - url: https://example.com
            title: Home
      spec:
        type: service
        lifecycle: production
        owner: team-a
        dependsOn: [resource:db]
      """;

  @Test
  void validate_validComponent_isValidWithEntity() {
    DocumentResult r = APP.validate("c.yaml", COMPONENT).get(0);
    assertThat(r.valid()).isTrue();
    assertThat(r.violations()).isEmpty();
    assertThat(r.ref()).contains(new EntityRef("Component", "shop", "payments"));
    assertThat(r.kind()).contains("Component");
    assertThat(r.backstageVerdict()).isEmpty();
    Entity e = r.entity().orElseThrow();
    assertThat(e.metadata().tags()).containsExactly("java", "lang:go");
    assertThat(e.specStrings("dependsOn")).containsExactly("resource:db");
  }

  @Test
  void validate_documentAndResult_keepTheDocumentAsWritten() {
    List<SourceDocument> docs = DocumentReader.create().read("c.yaml", COMPONENT);
    ObjectNode before = (ObjectNode) docs.get(0).json().orElseThrow();
    Entity e = APP.validateDocuments(docs).get(0).entity().orElseThrow();
    assertThat(e.toJson()).isEqualTo(before);
    assertThat(docs.get(0).json()).contains(before);
    assertThat(e.toJson().path("metadata").path("annotations").has("backstage.io/managed-by-location")).isFalse();
  }

  @Test
  void validate_manyProblems_collectsAllWithPositions() {
    String yaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: bad name
          labels:
            Example.com/x: ok
          tags: [Java, a--b]
          links:
            - url: x.com
        spec:
          type: service
          lifecycle: production
          owner: team-a
        """;
    DocumentResult r = CORE.validate("bad.yaml", yaml).get(0);
    assertThat(r.valid()).isFalse();
    assertThat(r.violations()).extracting(v -> v.path().toString()).containsExactly(
        "metadata.name", "metadata.labels[\"Example.com/x\"]", "metadata.tags[0]", "metadata.tags[1]",
        "metadata.links[0].url");
    Violation name = r.violations().get(0);
    assertThat(name.position()).contains(new SourcePosition(4, 9));
    assertThat(name.stage()).isEqualTo(Stage.POLICY);
    assertThat(name.ref()).contains(new EntityRef("Component", "default", "bad name"));
    assertThat(name.toString()).isEqualTo("bad.yaml:4:9: component:default/bad name: metadata.name: expected "
        + "a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total, "
        + "found \"bad name\"");
    assertThat(r.backstageVerdict().orElseThrow().message()).startsWith(
        "Policy check failed for component:default/bad name; caused by Error: \"metadata.name\" is not valid;");
  }

  @Test
  void validate_problemsOfLaterStages_areCollectedToo() {
    String yaml = COMPONENT.replace("name: payments", "name: bad name").replace("  owner: team-a\n", "")
        .replace("[resource:db]", "[db]");
    DocumentResult r = CORE.validate("later.yaml", yaml).get(0);
    assertThat(r.violations()).extracting(Violation::stage)
        .containsExactly(Stage.POLICY, Stage.KIND, Stage.POSTPROCESS);
    assertThat(r.backstageVerdict().orElseThrow().stage()).isEqualTo(Stage.POLICY);
  }

  @Test
  void validate_missingSpecField_pointsAtSpec() {
    String yaml = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\nspec:\n  type: service\n"
        + "  owner: a\n";
    DocumentResult r = CORE.validate("m.yaml", yaml).get(0);
    assertThat(r.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo(FieldPath.of("spec"));
      assertThat(v.message()).isEqualTo("missing required field \"lifecycle\"");
      assertThat(v.stage()).isEqualTo(Stage.KIND);
      assertThat(v.position()).contains(new SourcePosition(6, 3));
    });
    assertThat(r.backstageVerdict().orElseThrow().message()).isEqualTo("Processor BuiltinKindsEntityProcessor "
        + "threw an error while validating the entity component:default/x; caused by TypeError: /spec must have "
        + "required property 'lifecycle' - missingProperty: lifecycle");
  }

  @Test
  void validate_dependsOnWithoutKind_failsPostprocess() {
    String yaml = COMPONENT.replace("[resource:db]", "[db]");
    for (CatalogModel m : List.of(APP, CORE)) {
      DocumentResult r = m.validate("d.yaml", yaml).get(0);
      assertThat(r.valid()).isFalse();
      assertThat(r.violations().get(0).path()).isEqualTo(FieldPath.of("spec", "dependsOn").index(0));
      assertThat(r.violations().get(0).stage()).isEqualTo(Stage.POSTPROCESS);
      assertThat(r.violations().get(0).message()).contains("no default kind");
    }
  }

  @Test
  void validate_template_knownOnlyInApp() {
    String yaml = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: tpl
        spec:
          type: service
          steps: []
        """;
    assertThat(APP.validate("t.yaml", yaml).get(0).valid()).isTrue();
    DocumentResult core = CORE.validate("t.yaml", yaml).get(0);
    assertThat(core.valid()).isFalse();
    assertThat(core.backstageVerdict().orElseThrow().message()).startsWith("No processor recognized the entity");
    assertThat(core.violations().get(0).path()).isEqualTo(FieldPath.of("kind"));
    assertThat(core.violations().get(0).message()).endsWith("Template is known under the app profile, where the "
        + "scaffolder backend module is installed");
  }

  @Test
  void validate_mcpServerApi_differsByProfile() {
    String yaml = """
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata:
          name: mcp
        spec:
          type: mcp-server
          lifecycle: experimental
          owner: team-a
          remotes:
            - type: streamable-http
              url: http://localhost/mcp
        """;
    assertThat(APP.validate("a.yaml", yaml).get(0).valid()).isTrue();
    assertThat(CORE.validate("a.yaml", yaml).get(0).valid()).isFalse();
  }

  @Test
  void validate_unknownApiVersionOfKnownKind_appFailsPreprocess() {
    String yaml = COMPONENT.replace("backstage.io/v1alpha1", "backstage.io/v1");
    assertThat(APP.validate("v.yaml", yaml).get(0).backstageVerdict().orElseThrow().stage())
        .isEqualTo(Stage.PREPROCESS);
    assertThat(CORE.validate("v.yaml", yaml).get(0).backstageVerdict().orElseThrow().stage())
        .isEqualTo(Stage.KIND);
  }

  @Test
  void validate_rootNotObject_isParseError() {
    DocumentResult r = APP.validate("l.yaml", "- a\n- b\n").get(0);
    assertThat(r.valid()).isFalse();
    assertThat(r.backstageVerdict().orElseThrow().message()).isEqualTo("Expected object at root, got object");
    assertThat(r.entity()).isEmpty();
  }

  @Test
  void validate_locationWithTrailingSlash_failsLocation() {
    String yaml = "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: l\nspec:\n  targets: [./a/]\n";
    DocumentResult r = CORE.validate("loc.yaml", yaml).get(0);
    assertThat(r.backstageVerdict().orElseThrow().stage()).isEqualTo(Stage.LOCATION);
    assertThat(r.violations().get(0).path().toString()).isEqualTo("spec.targets[0]");
  }

  @Test
  void kind_schemaKind_isRecognizedAndValidated() {
    String schema = """
        {"type": "object", "required": ["spec"],
         "properties": {"spec": {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}}}}}
        """;
    CatalogModel m = CatalogModel.builder().kind(KindDefinition.ofSchema("acme.com/v1", "Product", schema)).build();
    String ok = "apiVersion: acme.com/v1\nkind: Product\nmetadata:\n  name: p\nspec:\n  sku: A1\n";
    assertThat(m.validate("p.yaml", ok).get(0).valid()).isTrue();
    DocumentResult bad = m.validate("p.yaml", ok.replace("sku: A1", "sku: 1")).get(0);
    assertThat(bad.valid()).isFalse();
    assertThat(bad.violations().get(0).path().toString()).isEqualTo("spec.sku");
    assertThat(bad.violations().get(0).message()).isEqualTo("expected a string, found the number 1");
    assertThat(APP.validate("p.yaml", ok).get(0).valid()).isFalse();
  }

  @Test
  void validate_unknownKindSpelling_hintsKnownKind() {
    DocumentResult r = APP.validate("k.yaml", COMPONENT.replace("kind: Component", "kind: component")).get(0);
    assertThat(r.violations().get(0).message()).endsWith("did you mean \"Component\"?");
    DocumentResult v = CORE.validate("k.yaml", COMPONENT.replace("backstage.io/v1alpha1", "backstage.io/v2")).get(0);
    assertThat(v.violations().get(0).message())
        .endsWith("kind Component takes apiVersion backstage.io/v1alpha1 or backstage.io/v1beta1");
  }

  @Test
  void kind_schemaReferencingEntity_checksEnvelopeToo() {
    String schema = "{\"allOf\": [{\"$ref\": \"Entity\"}, {\"required\": [\"spec\"]}]}";
    CatalogModel m = CatalogModel.builder().kind(KindDefinition.ofSchema("acme.com/v1", "Product", schema)).build();
    assertThat(m.validate("p.yaml", "apiVersion: acme.com/v1\nkind: Product\nmetadata:\n  name: p\nspec: {}\n")
        .get(0).valid()).isTrue();
    DocumentResult r = m.validate("p.yaml", "apiVersion: acme.com/v1\nkind: Product\nmetadata:\n  name: p\n").get(0);
    assertThat(r.violations()).singleElement().satisfies(x -> assertThat(x.message())
        .isEqualTo("missing required field \"spec\""));
  }

  @Test
  void kind_javaValidator_reportsItsViolations() {
    KindValidator v = e -> e.specString("sku").isPresent() ? List.of()
        : List.of(new KindViolation(FieldPath.of("spec", "sku"), "sku is required"));
    CatalogModel m = CatalogModel.builder().profile(Profile.CORE)
        .kind(KindDefinition.ofValidator("acme.com/v1", "Product", v)).build();
    DocumentResult r = m.validate("p.yaml", "apiVersion: acme.com/v1\nkind: Product\nmetadata:\n  name: p\nspec: {}\n")
        .get(0);
    assertThat(r.violations()).singleElement().satisfies(x -> assertThat(x.message()).isEqualTo("sku is required"));
    assertThat(m.kinds()).hasSize(1);
  }

  @Test
  void validate_path_readsFileAndReportsUnreadable(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, COMPONENT);
    assertThat(APP.validate(f)).singleElement().satisfies(r -> assertThat(r.valid()).isTrue());
    DocumentResult missing = APP.validate(dir.resolve("nope.yaml")).get(0);
    assertThat(missing.valid()).isFalse();
    assertThat(missing.violations().get(0).message()).startsWith("cannot read file");
  }

  @Test
  void validateTree_directory_readsDescriptorsInOrder(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("b.yml"), COMPONENT.replace("payments", "b"));
    Files.writeString(dir.resolve("sub/a.JSON"), "{\"kind\": 1}");
    Files.writeString(dir.resolve("notes.md"), "# not read");
    List<DocumentResult> r = APP.validateTree(dir);
    assertThat(r).extracting(DocumentResult::file).containsExactly(dir.resolve("b.yml").toString(),
        dir.resolve("sub/a.JSON").toString());
    assertThat(r.get(1).violations().get(0).message()).isEqualTo("missing required field \"apiVersion\"");
    assertThat(r.get(1).violations()).anySatisfy(v -> assertThat(v.message()).contains("found the number 1"));
    assertThat(APP.validateTree(dir.resolve("b.yml"))).hasSize(1);
  }

  private static final String API_WITH_PLACEHOLDER = """
      apiVersion: backstage.io/v1alpha1
      kind: API
      metadata:
        name: petstore
      spec:
        type: openapi
        lifecycle: production
        owner: team-a
        definition:
          $text: ./openapi.yaml
      """;

  @Test
  void placeholders_notRead_leaveFieldUnchecked(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("api.yaml");
    Files.writeString(f, API_WITH_PLACEHOLDER);
    assertThat(APP.validate(f).get(0).valid()).isTrue();
    assertThat(APP.readsPlaceholderFiles()).isFalse();
    for (CatalogModel m : List.of(APP, CORE)) {
      DocumentResult json = m.validate("api.yaml", API_WITH_PLACEHOLDER.replace("$text", "$json")).get(0);
      assertThat(json.violations()).isEmpty();
      assertThat(json.backstageVerdict()).isEmpty();
    }
    DocumentResult bad = APP.validate("api.yaml", API_WITH_PLACEHOLDER.replace("./openapi.yaml", "[1]")).get(0);
    assertThat(bad.backstageVerdict().orElseThrow().stage()).isEqualTo(Stage.PREPROCESS);
    assertThat(bad.violations().get(0).path().toString()).isEqualTo("spec.definition.$text");
  }

  @Test
  void placeholders_readLocalFiles_whenEnabled(@TempDir Path dir) throws Exception {
    CatalogModel m = CatalogModel.builder().readPlaceholderFiles(true).build();
    Path f = dir.resolve("api.yaml");
    Files.writeString(f, API_WITH_PLACEHOLDER);
    DocumentResult missing = m.validate(f).get(0);
    assertThat(missing.valid()).isFalse();
    assertThat(missing.violations().get(0).message()).contains("not a readable file");
    assertThat(missing.violations().get(0).position()).contains(new SourcePosition(10, 12));
    Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.0\n");
    assertThat(m.validate(f).get(0).valid()).isTrue();
    Files.writeString(f, API_WITH_PLACEHOLDER.replace("$text: ./openapi.yaml", "$json: ./bad.json"));
    Files.writeString(dir.resolve("bad.json"), "{nope");
    DocumentResult badJson = m.validate(f).get(0);
    assertThat(badJson.violations().get(0).message()).contains("is not valid JSON");
    Files.writeString(f, API_WITH_PLACEHOLDER.replace("$text: ./openapi.yaml", "$yaml: ./two.yaml"));
    Files.writeString(dir.resolve("two.yaml"), "a: 1\n---\nb: 2\n");
    assertThat(m.validate(f).get(0).violations().get(0).message()).contains("exactly one YAML document, found 2");
    Files.writeString(dir.resolve("two.yaml"), "just text\n");
    assertThat(m.validate(f).get(0).valid()).isTrue();
    Files.writeString(f, API_WITH_PLACEHOLDER.replace("./openapi.yaml", "https://example.com/openapi.yaml"));
    assertThat(m.validate(f).get(0).valid()).isTrue();
  }

  @Test
  void validate_entity_inMemory() {
    Entity e = APP.validate("c.yaml", COMPONENT).get(0).entity().orElseThrow();
    assertThat(APP.validate("mem", e).valid()).isTrue();
  }

  @Test
  void validate_concurrentUse_givesSameResults() throws Exception {
    Path corpus = ConformanceTest.conformanceDir().resolve("edge");
    List<Path> files;
    try (java.util.stream.Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(CatalogModel::isDescriptorFile).sorted().limit(300).toList();
    }
    List<List<DocumentResult>> sequential = files.stream().map(CORE::validate).toList();
    List<List<DocumentResult>> parallel = files.parallelStream().map(CORE::validate).toList();
    assertThat(parallel).isEqualTo(sequential);
  }

  @Test
  void builder_nulls_areRejected() {
    assertThatThrownBy(() -> CatalogModel.builder().profile(null)).isInstanceOf(NullPointerException.class);
    assertThat(CatalogModel.builder().build().profile()).isEqualTo(Profile.APP);
    assertThat(CORE.limits()).isEqualTo(Limits.DEFAULTS);
  }

  @Property(tries = 100)
  void validate_generatedComponents_areValidInBothProfiles(@ForAll("components") ObjectNode json) {
    Entity e = Entity.of(json);
    assertThat(APP.validate("gen", e).violations()).isEmpty();
    assertThat(CORE.validate("gen", e).violations()).isEmpty();
  }

  @Provide
  Arbitrary<ObjectNode> components() {
    return CatalogArbitraries.validComponents();
  }
}
