package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.catalog.model.CatalogModel;
import dev.portolan.catalog.model.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Backstage's relation rows (from the reference oracle) against the catalog's, for every entity of every
 * conformance set (the shared corpus, hand-written edge cases, generated variants), under both profiles.
 */
class RelationConformanceTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path SHARED = Path.of(System.getProperty("portolan.shared.dir", "../../shared"));
  private static final Path MODEL_FIXTURES = Path.of("../catalog-model/src/test/resources/conformance");
  private static final Path FIXTURES = Path.of("src/test/resources/conformance");

  @TestFactory
  Stream<DynamicTest> corpus_everyEntity_relationsEqualBackstages() throws IOException {
    Path corpus = SHARED.resolve("corpus/catalog");
    return Stream.concat(set("corpus", corpus, Profile.CORE), set("corpus", corpus, Profile.APP));
  }

  @TestFactory
  Stream<DynamicTest> edgeCases_everyEntity_relationsEqualBackstages() throws IOException {
    Path dir = MODEL_FIXTURES.resolve("edge");
    return Stream.concat(set("edge", dir, Profile.CORE), set("edge", dir, Profile.APP));
  }

  @TestFactory
  Stream<DynamicTest> variants_everyEntity_relationsEqualBackstages() throws IOException {
    Path dir = MODEL_FIXTURES.resolve("variants");
    return Stream.concat(set("variants", dir, Profile.CORE), set("variants", dir, Profile.APP));
  }

  @TestFactory
  Stream<DynamicTest> oracleAppCases_everyEntity_relationsEqualBackstages() throws IOException {
    Path dir = MODEL_FIXTURES.resolve("oracle-app-cases");
    return Stream.concat(set("oracle-app-cases", dir, Profile.CORE), set("oracle-app-cases", dir, Profile.APP));
  }

  private static Stream<DynamicTest> set(String name, Path dir, Profile profile) throws IOException {
    String p = profile.cliName();
    Map<String, Set<String>> expected = new HashMap<>();
    Map<String, String> refs = new HashMap<>();
    for (String line : Files.readAllLines(FIXTURES.resolve(name + "-relations-" + p + ".jsonl"))) {
      JsonNode n = MAPPER.readTree(line);
      Set<String> rows = new TreeSet<>();
      for (JsonNode r : n.get("relations")) {
        rows.add(r.get("source").asText() + " " + r.get("type").asText() + " " + r.get("target").asText());
      }
      expected.put(n.get("file").asText() + "#" + n.get("docIndex").asInt(), rows);
      refs.put(n.get("file").asText() + "#" + n.get("docIndex").asInt(), n.get("ref").asText());
    }
    // documents the oracle cannot judge (placeholders) are resolved by the catalog: not compared
    Set<String> unjudged = new HashSet<>();
    for (String line : Files.readAllLines(MODEL_FIXTURES.resolve(name + "-" + p + ".jsonl"))) {
      JsonNode n = MAPPER.readTree(line);
      if (n.path("valid").isNull() && n.has("docIndex") && !n.get("docIndex").isNull()) {
        unjudged.add(n.get("file").asText() + "#" + n.get("docIndex").asInt());
      }
    }
    Path abs = dir.toAbsolutePath().normalize();
    CatalogModel model = CatalogModel.builder().profile(profile).build();
    Catalog catalog = Catalog.builder().model(model).location(abs).root(abs).build();
    CatalogSnapshot s = catalog.snapshot();
    Map<String, CatalogEntity> actual = new HashMap<>();
    for (CatalogEntity e : s.entities()) {
      String file = abs.relativize(Path.of(e.file()).toAbsolutePath().normalize()).toString();
      actual.put(file + "#" + e.documentIndex(), e);
    }
    Set<String> conflicted = new HashSet<>();
    for (CatalogProblem pr : s.problems()) {
      if (pr.kind() == CatalogProblem.Kind.CONFLICT) {
        conflicted.add(abs.relativize(Path.of(pr.file()).toAbsolutePath().normalize()).toString());
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
      String key = e.getKey();
      tests.add(DynamicTest.dynamicTest(p + " " + name + " " + key, () -> {
        CatalogEntity entity = actual.get(key);
        if (entity == null) {
          // a valid document only misses from the catalog when a later document of the same file
          // overwrote it, or when another location claimed its ref first
          String file = key.substring(0, key.lastIndexOf('#'));
          CatalogEntity winner = s.entity(refs.get(key)).orElse(null);
          if (winner != null && abs.relativize(Path.of(winner.file()).toAbsolutePath().normalize()).toString()
              .equals(file)) {
            assertThat(winner.documentIndex()).as("the later document wins").isGreaterThan(
                Integer.parseInt(key.substring(key.lastIndexOf('#') + 1)));
            return;
          }
          assertThat(conflicted).as("valid document missing from the catalog without a conflict: " + key)
              .contains(key.substring(0, key.lastIndexOf('#')));
          return;
        }
        Set<String> rows = new TreeSet<>();
        for (Relation r : entity.emittedRelations()) {
          rows.add(r.source() + " " + r.type().id() + " " + r.target());
        }
        assertThat(rows).as(key).isEqualTo(e.getValue());
      }));
    }
    for (String key : actual.keySet()) {
      if (!expected.containsKey(key) && !unjudged.contains(key)) {
        tests.add(DynamicTest.dynamicTest(p + " " + name + " " + key + " (not valid for Backstage)", () -> {
          CatalogEntity e = actual.get(key);
          boolean modelAccepts = model.validate(Path.of(e.file())).get(e.documentIndex()).valid();
          Assumptions.assumeFalse(modelAccepts, "catalog-model's own verdict on " + key
              + " differs from Backstage's; validation is catalog-model's concern");
          assertThat(expected).as("the catalog accepted a document Backstage rejects: " + key).containsKey(key);
        }));
      }
    }
    return tests.stream();
  }
}
