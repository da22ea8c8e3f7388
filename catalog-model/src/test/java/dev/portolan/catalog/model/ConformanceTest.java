package dev.portolan.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Portolan's verdict on every document of the conformance sets equals Backstage's, under both profiles:
 * the valid/invalid verdict and the stage for every document; for stages whose text Portolan reproduces
 * (every stage but parse) also Backstage's message. Documents the oracle
 * leaves undecided ({@code valid: null}: unresolved placeholders) are not compared.
 */
class ConformanceTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> EXACT_MESSAGE_STAGES =
      Set.of("envelope", "preprocess", "policy", "kind", "location", "postprocess");
  private static final Map<Profile, CatalogModel> MODELS = Map.of(
      Profile.APP, CatalogModel.builder().profile(Profile.APP).build(),
      Profile.CORE, CatalogModel.builder().profile(Profile.CORE).build());

  static Path conformanceDir() {
    try {
      return Path.of(ConformanceTest.class.getResource("/conformance/README.md").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path corpusDir() {
    String shared = System.getProperty("portolan.shared.dir", "../../shared");
    return Path.of(shared).resolve("corpus/catalog");
  }

  @TestFactory
  Stream<DynamicNode> corpus_bothProfiles_verdictsEqualBackstage() {
    return set("corpus", corpusDir());
  }

  @TestFactory
  Stream<DynamicNode> edgeCases_bothProfiles_verdictsEqualBackstage() {
    return set("edge", conformanceDir().resolve("edge"));
  }

  @TestFactory
  Stream<DynamicNode> variants_bothProfiles_verdictsEqualBackstage() {
    return set("variants", conformanceDir().resolve("variants"));
  }

  @TestFactory
  Stream<DynamicNode> oracleAppCases_bothProfiles_verdictsEqualBackstage() {
    return set("oracle-app-cases", conformanceDir().resolve("oracle-app-cases"));
  }

  private Stream<DynamicNode> set(String name, Path root) {
    List<DynamicNode> nodes = new ArrayList<>();
    for (Profile p : Profile.values()) {
      Path expected = conformanceDir().resolve(name + "-" + p.cliName() + ".jsonl");
      nodes.add(dynamicContainer(name + " " + p.cliName(), profileTests(p, root, expected)));
    }
    return nodes.stream();
  }

  private Stream<DynamicNode> profileTests(Profile profile, Path root, Path expectedFile) {
    Map<String, List<JsonNode>> byFile = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(expectedFile)) {
        if (!line.isBlank()) {
          JsonNode n = MAPPER.readTree(line);
          byFile.computeIfAbsent(n.get("file").textValue(), k -> new ArrayList<>()).add(n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CatalogModel model = MODELS.get(profile);
    List<DynamicNode> tests = new ArrayList<>();
    for (Map.Entry<String, List<JsonNode>> e : byFile.entrySet()) {
      String file = e.getKey();
      List<DocumentResult> results;
      try {
        results = model.validate(file, Files.readAllBytes(root.resolve(file)));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      Map<Integer, DocumentResult> byIndex = new LinkedHashMap<>();
      for (DocumentResult r : results) {
        byIndex.put(r.documentIndex(), r);
      }
      for (JsonNode exp : e.getValue()) {
        if (exp.get("valid").isNull()) {
          continue;
        }
        int doc = exp.get("docIndex").asInt();
        tests.add(dynamicTest(file + "#" + doc, () -> check(exp, byIndex.get(doc))));
      }
      tests.add(dynamicTest(file + " has no extra documents", () -> {
        Set<Integer> known = new java.util.HashSet<>();
        e.getValue().forEach(x -> known.add(x.get("docIndex").asInt()));
        assertThat(byIndex.keySet()).isSubsetOf(known);
      }));
    }
    return tests.stream();
  }

  private static void check(JsonNode expected, DocumentResult actual) {
    assertThat(actual).as("a result for %s#%s", expected.get("file"), expected.get("docIndex")).isNotNull();
    boolean valid = expected.get("valid").booleanValue();
    String detail = actual.violations().toString() + " / expected " + expected.path("error").asText();
    assertThat(actual.valid()).as(detail).isEqualTo(valid);
    String ref = expected.get("ref").isNull() ? "" : expected.get("ref").textValue();
    if (ref.matches("(?s)[^:/]+:[^/]+/.+")) {
      assertThat(actual.ref().map(EntityRef::toString)).contains(ref);
    } else {
      assertThat(actual.ref()).isEmpty();
    }
    if (valid) {
      assertThat(actual.backstageVerdict()).isEmpty();
      return;
    }
    String stage = expected.get("stage").textValue();
    BackstageVerdict verdict = actual.backstageVerdict().orElseThrow();
    assertThat(verdict.stage().id()).as(detail).isEqualTo(stage);
    assertThat(actual.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.file()).isEqualTo(actual.file()));
    if (EXACT_MESSAGE_STAGES.contains(stage)) {
      assertThat(verdict.message()).isEqualTo(expected.get("error").textValue());
    }
    backstagePath(expected.get("error").textValue()).ifPresent(p -> assertThat(actual.violations())
        .as("a violation at %s for %s", p, expected.get("error").textValue())
        .anySatisfy(v -> assertThat(v.path()).isEqualTo(p)));
  }

  private static final java.util.regex.Pattern AJV_PATH = java.util.regex.Pattern.compile(
      "(?:caused by TypeError: (?:Validation of \\w+ entity failed: )?|Malformed envelope, |^)(/[^ ]*|<root>) ");
  private static final java.util.regex.Pattern FORMAT_FIELD = java.util.regex.Pattern.compile(
      "caused by Error: \"(apiVersion|kind|metadata\\.name|metadata\\.namespace|tags\\.\\d+|links\\.\\d+\\.\\w+)\" is not valid");

  /** The field Backstage's message names, as a path, when it names one in a form that maps unambiguously. */
  static java.util.Optional<FieldPath> backstagePath(String message) {
    java.util.regex.Matcher m = AJV_PATH.matcher(message);
    if (m.find()) {
      String pointer = m.group(1);
      if (pointer.equals("<root>")) {
        return java.util.Optional.of(FieldPath.ROOT);
      }
      List<FieldPath.Segment> segs = new ArrayList<>();
      for (String part : pointer.substring(1).split("/", -1)) {
        String key = part.replace("~1", "/").replace("~0", "~");
        segs.add(key.matches("0|[1-9][0-9]{0,8}") ? new FieldPath.Index(Integer.parseInt(key))
            : new FieldPath.Key(key));
      }
      return java.util.Optional.of(new FieldPath(segs));
    }
    java.util.regex.Matcher f = FORMAT_FIELD.matcher(message);
    if (f.find()) {
      String[] parts = f.group(1).split("\\.");
      List<FieldPath.Segment> segs = new ArrayList<>();
      if (parts[0].equals("tags") || parts[0].equals("links")) {
        segs.add(new FieldPath.Key("metadata"));
      }
      for (String part : parts) {
        segs.add(part.matches("\\d+") ? new FieldPath.Index(Integer.parseInt(part)) : new FieldPath.Key(part));
      }
      return java.util.Optional.of(new FieldPath(segs));
    }
    return java.util.Optional.empty();
  }
}
