package dev.portolan.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every corpus template, dry-run with each of its parameter files, produces what Backstage produces: the same steps
 * run or skipped, the same files (path, SHA-256, executable bit) and the same rendered output. The expected
 * results come from {@code tools/oracle/scaffold-oracle.js} (nunjucks 3.2.4 configured as Backstage's
 * SecureTemplater, fetch:template's algorithm), committed under {@code src/test/resources/oracle}.
 */
class OracleComparisonTest {

  /** The actions the oracle runs; every other action is skipped on both sides. */
  static final Set<String> ORACLE_ACTIONS = Set.of("fetch:template", "workspace:template", "fetch:template:file",
      "workspace:template:file", "fetch:plain", "fetch:plain:file", "fs:delete", "fs:rename", "fs:readdir",
      "catalog:write", "debug:log", "debug:wait");

  static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode resource(String path) throws IOException {
    try (InputStream in = OracleComparisonTest.class.getResourceAsStream("/oracle/" + path)) {
      assertThat(in).as("resource oracle/%s", path).isNotNull();
      return MAPPER.readTree(in);
    }
  }

  static String name(Path template) {
    return CorpusTemplatesTest.corpus().relativize(template.getParent()).toString().replace('\\', '/')
        .replace("/", "__");
  }

  static String sha256(byte[] b) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** Runs a corpus template as the oracle did: its parameter file, oracle-run actions only. */
  static ScaffoldResult runLikeOracle(Template t, JsonNode params) {
    return runLikeOracle(t, params, CorpusTemplatesTest.corpus());
  }

  static ScaffoldResult runLikeOracle(Template t, JsonNode params, Path root) {
    Scaffolder.Builder b = Scaffolder.builder().templateRoot(root);
    t.steps().stream().map(Template.Step::action).filter(a -> !ORACLE_ACTIONS.contains(a)).forEach(b::skipAction);
    Map<String, String> secrets = new LinkedHashMap<>();
    params.path("secrets").fields().forEachRemaining(e -> secrets.put(e.getKey(), e.getValue().asText()));
    return b.build().run(ScaffoldRequest.dryRun(t, params.path("parameters")).withUser(params.path("user"))
        .withSecrets(secrets));
  }

  /** The parameter sets of a template: the first, and "@alt" where the oracle wrote one. */
  static Stream<String> variants(Path template) {
    String base = name(template);
    return OracleComparisonTest.class.getResource("/oracle/expected/" + base + "@alt.json") == null
        ? Stream.of(base) : Stream.of(base, base + "@alt");
  }

  /** The small templates that reach what no corpus run does (cookiecutterCompat, trimBlocks, copy globs, ...). */
  static Path synthetic() {
    try {
      return Path.of(OracleComparisonTest.class.getResource("/oracle/synthetic").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> syntheticTemplate_dryRun_matchesBackstageFileByFile() throws IOException {
    try (Stream<Path> s = java.nio.file.Files.list(synthetic())) {
      List<Path> templates = s.map(d -> d.resolve("template.yaml")).sorted().toList();
      return templates.stream().flatMap(p -> {
        String base = "synthetic__" + p.getParent().getFileName();
        Stream<String> names = OracleComparisonTest.class.getResource("/oracle/expected/" + base + "@alt.json") == null
            ? Stream.of(base) : Stream.of(base, base + "@alt");
        return names.map(v -> DynamicTest.dynamicTest(v, () -> compare(p, synthetic(), v)));
      }).toList().stream();
    }
  }

  @TestFactory
  Stream<DynamicTest> corpusTemplate_dryRun_matchesBackstageFileByFile() throws IOException {
    return CorpusTemplatesTest.templates().stream().flatMap(p -> variants(p).map(v -> DynamicTest.dynamicTest(v,
        () -> compare(p, CorpusTemplatesTest.corpus(), v))));
  }

  static void compare(Path p, Path root, String v) throws Exception {
    {
      JsonNode expected = resource("expected/" + v + ".json");
      Scaffolder loader = Scaffolder.builder().templateRoot(root).build();
      if (expected.has("loadError")) {
        assertThatThrownBy(() -> loader.loadTemplate(p)).isInstanceOf(ScaffolderException.class)
            .hasMessageStartingWith(p.toString());
        return;
      }
      Template t = loader.loadTemplate(p);
      ScaffoldResult r = runLikeOracle(t, resource("params/" + v + ".json"), root);

      SoftAssertions soft = new SoftAssertions();
      List<String> steps = new ArrayList<>();
      r.steps().forEach(s -> steps.add(s.id() + "=" + s.status()));
      List<String> expectedSteps = new ArrayList<>();
      expected.path("steps").forEach(s -> expectedSteps.add(s.path("id").asText() + "=" + s.path("status").asText()));
      soft.assertThat(steps).as("step statuses (Portolan error: %s; Backstage error: %s)", r.error().orElse("none"),
          expected.path("error").asText("none")).isEqualTo(expectedSteps);
      soft.assertThat(r.error().isPresent()).as("failed (%s)", r.error().orElse(""))
          .isEqualTo(expected.path("error").isTextual());

      Map<String, String> actual = new TreeMap<>();
      Map<String, ScaffoldResult.GeneratedFile> byPath = new TreeMap<>();
      for (ScaffoldResult.GeneratedFile f : r.files()) {
        actual.put(f.path(), sha256(f.content()) + (f.executable() ? " +x" : ""));
        byPath.put(f.path(), f);
      }
      Map<String, String> wanted = new TreeMap<>();
      expected.path("files").fields().forEachRemaining(e -> wanted.put(e.getKey(),
          e.getValue().path("sha256").asText() + (e.getValue().path("executable").asBoolean() ? " +x" : "")));
      boolean failed = expected.path("error").isTextual();
      if (failed) {
        // Backstage walks a skeleton in the file system's order (globby), so which files a failing
        // fetch:template wrote before it stopped is not defined; files both sides wrote must still agree.
        actual.keySet().retainAll(wanted.keySet());
        wanted.keySet().retainAll(actual.keySet());
      }
      soft.assertThat(actual.keySet()).as("file paths").containsExactlyElementsOf(wanted.keySet());
      for (Map.Entry<String, String> e : wanted.entrySet()) {
        ScaffoldResult.GeneratedFile f = byPath.get(e.getKey());
        if (f == null || e.getValue().equals(actual.get(e.getKey()))) {
          continue;
        }
        JsonNode text = expected.path("files").path(e.getKey()).path("text");
        if (text.isTextual()) {
          soft.assertThat(new String(f.content(), StandardCharsets.UTF_8)).as("content of %s", e.getKey())
              .isEqualTo(text.asText());
        }
        soft.assertThat(actual.get(e.getKey())).as("sha256 of %s", e.getKey()).isEqualTo(e.getValue());
      }
      ObjectNode output = expected.path("output").isObject() ? (ObjectNode) expected.path("output") : MAPPER.createObjectNode();
      soft.assertThat(r.output()).as("output").isEqualTo(output);
      soft.assertAll();
    }
  }
}
