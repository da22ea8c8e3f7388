package dev.portolan.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every real template of the corpus loads and runs in dry-run mode, its non-built-in actions skipped. */
class CorpusTemplatesTest {

  static final Set<String> BUILT_IN = Set.of("fetch:plain", "fetch:plain:file", "fetch:template",
      "fetch:template:file", "workspace:template", "workspace:template:file", "fs:delete", "fs:rename", "fs:readdir", "debug:log", "debug:wait", "catalog:write");

  static Path corpus() {
    return Path.of(System.getProperty("portolan.shared.dir", "../../shared")).resolve("corpus/templates");
  }

  static List<Path> templates() throws IOException {
    try (Stream<Path> s = Files.walk(corpus())) {
      return s.filter(p -> p.getFileName().toString().equals("template.yaml")).sorted().toList();
    }
  }

  /** Plausible form values: defaults, first enum values, picker-shaped strings. */
  static ObjectNode values(Template t) {
    ObjectNode v = JsonNodeFactory.instance.objectNode();
    for (JsonNode page : t.parameterPages()) {
      page.path("properties").fields().forEachRemaining(e -> {
        JsonNode s = e.getValue();
        if (s.has("default") || v.has(e.getKey())) {
          return;
        }
        JsonNode val = sample(e.getKey(), s);
        if (val != null) {
          v.set(e.getKey(), val);
        }
      });
    }
    return v;
  }

  static JsonNode sample(String name, JsonNode s) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (s.path("enum").isArray() && s.path("enum").size() > 0) {
      return s.path("enum").get(0);
    }
    String field = s.path("ui:field").asText("");
    return switch (s.path("type").asText("string")) {
      case "boolean" -> f.booleanNode(true);
      case "number", "integer" -> f.numberNode(s.path("minimum").asInt(1));
      case "array" -> f.arrayNode();
      case "object" -> f.objectNode();
      default -> switch (field) {
        case "RepoUrlPicker" -> f.textNode("github.com?owner=acme&repo=demo-repo&organization=acme"
            + "&workspace=acme&project=demo");
        case "OwnerPicker", "MyGroupsPicker" -> f.textNode("group:default/team-a");
        case "EntityPicker", "OwnedEntityPicker" -> f.textNode("component:default/demo");
        default -> f.textNode(s.has("pattern") ? "demo" : "demo-" + name.toLowerCase().replaceAll("[^a-z0-9]", ""));
      };
    };
  }

  @TestFactory
  Stream<DynamicTest> corpusTemplate_dryRun_loadsAndRunsOrFailsClearly() throws IOException {
    return templates().stream().map(p -> DynamicTest.dynamicTest(corpus().relativize(p).toString(), () -> {
      Scaffolder probe = Scaffolder.builder().templateRoot(corpus()).build();
      Template t;
      try {
        t = probe.loadTemplate(p);
      } catch (ScaffolderException e) {
        assertThat(e.getMessage()).startsWith(p.toString());
        return;
      }
      Scaffolder.Builder b = Scaffolder.builder().templateRoot(corpus());
      t.steps().stream().map(Template.Step::action).filter(a -> !BUILT_IN.contains(a)).forEach(b::skipAction);
      Scaffolder s = b.build();
      ScaffoldResult r;
      try {
        r = s.run(ScaffoldRequest.dryRun(t, values(t)));
      } catch (ParameterValidationException e) {
        // values synthesised from the schema may not satisfy every conditional schema
        assertThat(e.problems()).allSatisfy(pr -> assertThat(pr.getMessage()).startsWith(p.toString())
            .contains(": parameters."));
        return;
      }
      assertThat(r.steps()).hasSize(t.steps().size());
      r.error().ifPresent(err -> assertThat(err).doesNotContain("Exception"));
    }));
  }

  @Test
  void createReactApp_dryRun_rendersSkeletonAndCatalogInfo() throws IOException {
    Path p = corpus().resolve("backstage-software-templates/scaffolder-templates/create-react-app/template.yaml");
    Scaffolder s = Scaffolder.builder().skipAction("publish:github").skipAction("catalog:register").build();
    Template t = s.loadTemplate(p);
    ScaffoldResult r = s.run(ScaffoldRequest.dryRun(t, ScaffolderTest.json(
        "{\"component_id\":\"my-site\",\"owner\":\"group:web\",\"repoUrl\":\"github.com?owner=acme&repo=my-site\"}")));
    assertThat(r.error()).isEmpty();
    Map<String, String> files = r.files().stream().collect(Collectors.toMap(ScaffoldResult.GeneratedFile::path,
        ScaffoldResult.GeneratedFile::text));
    assertThat(files).containsKeys("package.json", "src/App.tsx", "catalog-info.yaml");
    assertThat(files.get("catalog-info.yaml")).contains("name: \"my-site\"").contains("github.com/project-slug: acme/my-site");
  }

  @Test
  void springbootGrpc_dryRun_templatesDirectoryAndFileNames() throws IOException {
    Path p = corpus().resolve("backstage-software-templates/scaffolder-templates/springboot-grpc-template/template.yaml");
    Scaffolder s = Scaffolder.builder().skipAction("publish:github").skipAction("catalog:register").build();
    Template t = s.loadTemplate(p);
    ObjectNode v = values(t);
    v.put("java_package_name", "io.acme.demo");
    v.put("component_id", "demo-svc");
    ScaffoldResult r = s.run(ScaffoldRequest.dryRun(t, v));
    assertThat(r.error()).isEmpty();
    Set<String> paths = r.files().stream().map(ScaffoldResult.GeneratedFile::path)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    assertThat(paths).anySatisfy(x -> assertThat(x).contains("demo-svc.sh"));
    assertThat(paths).noneSatisfy(x -> assertThat(x).contains("${{"));
  }
}
