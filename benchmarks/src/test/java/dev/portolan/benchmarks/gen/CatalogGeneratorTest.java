package dev.portolan.benchmarks.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class CatalogGeneratorTest {

  private static final Map<String, String> DEFAULT_KINDS = Map.ofEntries(
      Map.entry("owner", "group"), Map.entry("system", "system"), Map.entry("domain", "domain"),
      Map.entry("subdomainOf", "domain"), Map.entry("subcomponentOf", "component"),
      Map.entry("providesApis", "api"), Map.entry("consumesApis", "api"), Map.entry("parent", "group"),
      Map.entry("children", "group"), Map.entry("members", "user"), Map.entry("memberOf", "group"));
  private static final Set<String> NO_DEFAULT_KIND = Set.of(
      "dependsOn", "baseModel", "trainedOn", "evaluatedOn", "derivedFrom", "model", "tools", "handoffs");

  private static GeneratedCatalog generate(int entities, long seed, boolean ai) {
    return CatalogGenerator.builder().entities(entities).seed(seed).aiAssets(ai).build().generate();
  }

  @Test
  void generate_sameSeed_byteIdenticalFiles() {
    GeneratedCatalog a = generate(2_000, 7, true);
    GeneratedCatalog b = generate(2_000, 7, true);
    assertThat(a.files()).isEqualTo(b.files());
  }

  @Test
  void generate_otherSeed_otherCatalog() {
    assertThat(generate(1_000, 1, false).files()).isNotEqualTo(generate(1_000, 2, false).files());
  }

  @Test
  void generate_oracleValidatedCatalogs_sameBytesAsValidated() throws Exception {
    Map<String, Object> fixture = loadFixture();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> catalogs = (List<Map<String, Object>>) fixture.get("catalogs");
    assertThat(catalogs).isNotEmpty();
    for (Map<String, Object> c : catalogs) {
      GeneratedCatalog catalog = CatalogGenerator.builder()
          .entities((Integer) c.get("entities"))
          .seed(((Number) c.get("seed")).longValue())
          .documentsPerFile((Integer) c.get("documentsPerFile"))
          .aiAssets((Boolean) c.get("aiAssets"))
          .build()
          .generate();
      assertThat(sha256(catalog)).as("catalog %s", c).isEqualTo(c.get("sha256"));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> verdicts = (List<Map<String, Object>>) c.get("verdicts");
      long unknownToCore = parse(catalog).stream()
          .filter(d -> d.get("kind").equals("AiResource") || "mcp-server".equals(spec(d).get("type")))
          .count();
      for (Map<String, Object> v : verdicts) {
        int expectedValid = (int) (catalog.entityCount() - (v.get("profile").equals("core") ? unknownToCore : 0));
        assertThat(v.get("documents")).isEqualTo(catalog.entityCount());
        assertThat(v.get("valid")).as("valid under %s", v.get("profile")).isEqualTo(expectedValid);
        assertThat(v.get("files")).isEqualTo(catalog.files().size());
      }
    }
  }

  @Test
  void generate_everyReference_namesAnEntityOfTheCatalog() {
    for (boolean ai : new boolean[] {false, true}) {
      List<Map<String, Object>> docs = parse(generate(3_000, 11, ai));
      assertThat(assertReferencesResolve(docs)).isGreaterThan(docs.size() * 2);
    }
  }

  @Property(tries = 25)
  void generate_anySeedAndSize_exactCountAndEveryReferenceResolves(
      @ForAll long seed, @ForAll @IntRange(min = CatalogGenerator.MIN_ENTITIES, max = 700) int entities,
      @ForAll boolean ai) {
    GeneratedCatalog catalog = generate(entities, seed, ai);
    List<Map<String, Object>> docs = parse(catalog);
    assertThat(docs).hasSize(entities);
    assertThat(catalog.entityCount()).isEqualTo(entities);
    assertReferencesResolve(docs);
  }

  /** Checks that refs are unique and every ref in a spec names an entity; returns how many refs it checked. */
  private static int assertReferencesResolve(List<Map<String, Object>> docs) {
    Set<String> refs = new HashSet<>();
    for (Map<String, Object> d : docs) {
      assertThat(refs.add(refOf(d))).as("unique %s", refOf(d)).isTrue();
    }
    int checked = 0;
    for (Map<String, Object> d : docs) {
      String ns = namespaceOf(d);
      for (String[] r : references(spec(d))) {
        String full = resolve(r[1], r[0], ns);
        assertThat(refs).as("%s: spec.%s %s", refOf(d), r[0], r[1]).contains(full);
        checked++;
      }
    }
    return checked;
  }

  @Test
  void generate_kindShares_matchTheOracleGenerator() {
    GeneratedCatalog c = generate(10_000, 42, false);
    Map<String, Integer> byKind = c.entitiesByKind();
    assertThat(c.entityCount()).isEqualTo(10_000);
    assertThat(share(byKind, "Group")).isCloseTo(0.03, within(0.002));
    assertThat(share(byKind, "User")).isCloseTo(0.20, within(0.002));
    assertThat(share(byKind, "Domain")).isCloseTo(0.005, within(0.001));
    assertThat(share(byKind, "System")).isCloseTo(0.03, within(0.002));
    assertThat(share(byKind, "API")).isCloseTo(0.17, within(0.002));
    assertThat(share(byKind, "Resource")).isCloseTo(0.10, within(0.002));
    assertThat(share(byKind, "Component")).isCloseTo(0.465, within(0.005));
    assertThat(byKind).doesNotContainKey("AiResource");
  }

  @Test
  void generate_structure_hasHierarchyNamespacesAndShorthands() {
    List<Map<String, Object>> docs = parse(generate(10_000, 42, false));
    Map<String, Integer> groupTypes = new HashMap<>();
    int software = 0;
    int nonDefault = 0;
    int bareNames = 0;
    int kindOnly = 0;
    int full = 0;
    int nsName = 0;
    for (Map<String, Object> d : docs) {
      String kind = (String) d.get("kind");
      if (kind.equals("Group")) {
        groupTypes.merge((String) spec(d).get("type"), 1, Integer::sum);
      }
      if (!kind.equals("Group") && !kind.equals("User")) {
        software++;
        if (!namespaceOf(d).equals("default")) {
          nonDefault++;
        }
      }
      for (String[] r : references(spec(d))) {
        String v = r[1];
        int colon = v.indexOf(':');
        int slash = v.indexOf('/');
        if (colon < 0 && slash < 0) {
          bareNames++;
        } else if (colon >= 0 && slash < 0) {
          kindOnly++;
        } else if (colon >= 0) {
          full++;
        } else {
          nsName++;
        }
      }
    }
    assertThat(groupTypes).containsOnlyKeys("organization", "department", "team", "sub-team");
    assertThat(groupTypes.get("organization")).isEqualTo(1);
    assertThat((double) nonDefault / software).isBetween(0.08, 0.25);
    assertThat(List.of(bareNames, kindOnly, full, nsName)).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(docs).allSatisfy(d -> assertThat(d.get("apiVersion")).isEqualTo("backstage.io/v1alpha1"));
  }

  @Test
  void generate_withAiAssets_modelsDatasetsAgentsAndGovernance() {
    List<Map<String, Object>> docs = parse(generate(10_000, 42, true));
    Map<String, Integer> aiTypes = new HashMap<>();
    int governed = 0;
    int mcp = 0;
    for (Map<String, Object> d : docs) {
      Map<String, Object> spec = spec(d);
      if (d.get("kind").equals("AiResource")) {
        aiTypes.merge((String) spec.get("type"), 1, Integer::sum);
      }
      if (spec.containsKey("governance")) {
        governed++;
      }
      if ("mcp-server".equals(spec.get("type"))) {
        mcp++;
        assertThat(spec).containsKey("remotes").doesNotContainKey("definition");
      }
    }
    assertThat(aiTypes).containsEntry("model", 100).containsEntry("dataset", 100).containsEntry("agent", 50);
    assertThat(governed).isGreaterThan(300);
    assertThat(mcp).isPositive();
  }

  @Test
  void generate_documentsPerFile_splitsFiles() {
    GeneratedCatalog c = CatalogGenerator.builder().entities(250).documentsPerFile(100).build().generate();
    assertThat(c.files()).extracting(CatalogFile::name)
        .containsExactly("catalog-00001.yaml", "catalog-00002.yaml", "catalog-00003.yaml");
    assertThat(c.files()).extracting(CatalogFile::documents).containsExactly(100, 100, 50);
    assertThat(c.files().get(0).content()).startsWith("---\napiVersion: backstage.io/v1alpha1\n");
  }

  @Test
  void generate_yaml11Lookalikes_quoted() {
    String text = String.join("", generate(2_000, 3, true).files().stream().map(CatalogFile::content).toList());
    assertThat(text).contains("present: 'yes'").doesNotContain("present: yes\n");
    assertThat(text).containsPattern("date: '2026-\\d\\d-\\d\\d'");
  }

  @Test
  void builder_tooFewEntities_rejected() {
    assertThatThrownBy(() -> CatalogGenerator.builder().entities(10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entities: expected at least 40, found 10");
    assertThatThrownBy(() -> CatalogGenerator.builder().documentsPerFile(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("documentsPerFile: expected at least 1, found 0");
  }

  @Test
  void main_writesDirectory_replacingOldCatalogFiles(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("catalog-00099.yaml"), "stale");
    Files.writeString(dir.resolve("notes.txt"), "kept");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = CatalogGenerator.run(
        new String[] {"--entities", "0.2k", "--seed", "5", "--out", dir.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(code).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("catalog-00001.yaml", "catalog-00002.yaml", "notes.txt");
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"entities\":200", "\"files\":2");
    assertThat(Files.readString(dir.resolve("catalog-00001.yaml")))
        .isEqualTo(generate(200, 5, false).files().get(0).content());
  }

  @Test
  void main_badArguments_usageErrorCode() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(CatalogGenerator.run(new String[] {"--entities", "lots", "--out", "x"}, System.out, errStream))
        .isEqualTo(2);
    assertThat(CatalogGenerator.run(new String[] {"--entities", "100"}, System.out, errStream)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("expected a size such as 2500, 10k or 1m, found \"lots\"", "--out DIR is required");
  }

  // ---- helpers: an independent reading of the generated YAML, following Backstage's ref rules

  private static double share(Map<String, Integer> byKind, String kind) {
    return byKind.getOrDefault(kind, 0) / (double) byKind.values().stream().mapToInt(i -> i).sum();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> parse(GeneratedCatalog c) {
    Load load = new Load(LoadSettings.builder().build());
    List<Map<String, Object>> docs = new ArrayList<>();
    for (CatalogFile f : c.files()) {
      for (Object o : load.loadAllFromString(f.content())) {
        docs.add((Map<String, Object>) o);
      }
    }
    return docs;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(Map<String, Object> d) {
    return (Map<String, Object>) d.get("spec");
  }

  @SuppressWarnings("unchecked")
  private static String namespaceOf(Map<String, Object> d) {
    Object ns = ((Map<String, Object>) d.get("metadata")).get("namespace");
    return ns == null ? "default" : (String) ns;
  }

  @SuppressWarnings("unchecked")
  private static String refOf(Map<String, Object> d) {
    String name = (String) ((Map<String, Object>) d.get("metadata")).get("name");
    return (((String) d.get("kind")) + ":" + namespaceOf(d) + "/" + name).toLowerCase(Locale.ROOT);
  }

  /** Every (field, ref) pair the spec declares, including agents' grant targets and reviewers. */
  @SuppressWarnings("unchecked")
  private static List<String[]> references(Map<String, Object> spec) {
    List<String[]> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : spec.entrySet()) {
      String field = e.getKey();
      if (!DEFAULT_KINDS.containsKey(field) && !NO_DEFAULT_KIND.contains(field)) {
        continue;
      }
      if (e.getValue() instanceof List<?> list) {
        list.forEach(v -> out.add(new String[] {field, (String) v}));
      } else {
        out.add(new String[] {field, (String) e.getValue()});
      }
    }
    if (spec.get("accessGrants") instanceof List<?> grants) {
      grants.forEach(g -> out.add(new String[] {"dependsOn", (String) ((Map<String, Object>) g).get("target")}));
    }
    if (spec.get("humanOversight") instanceof Map<?, ?> oversight) {
      out.add(new String[] {"owner", (String) oversight.get("reviewers")});
    }
    if (spec.get("approval") instanceof Map<?, ?> approval) {
      out.add(new String[] {"dependsOn", (String) approval.get("approvedBy")});
    }
    return out;
  }

  /** Backstage's parseEntityRef with the field's default kind and the entity's namespace, lower-cased. */
  private static String resolve(String ref, String field, String entityNamespace) {
    int colon = ref.indexOf(':');
    int slash = ref.indexOf('/');
    if (slash >= 0 && slash < colon) {
      colon = -1;
    }
    String kind = colon >= 0 ? ref.substring(0, colon) : DEFAULT_KINDS.get(field);
    String namespace = slash >= 0 ? ref.substring(colon + 1, slash) : entityNamespace;
    String name = ref.substring(Math.max(colon + 1, slash + 1));
    assertThat(kind).as("kind of %s in %s", ref, field).isNotNull();
    return (kind + ":" + namespace + "/" + name).toLowerCase(Locale.ROOT);
  }

  private static String sha256(GeneratedCatalog c) throws NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (CatalogFile f : c.files()) {
      md.update(f.content().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> loadFixture() throws IOException {
    try (InputStream in = CatalogGeneratorTest.class.getResourceAsStream("oracle-verdicts.json")) {
      assertThat(in).as("oracle-verdicts.json").isNotNull();
      return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
    }
  }
}
