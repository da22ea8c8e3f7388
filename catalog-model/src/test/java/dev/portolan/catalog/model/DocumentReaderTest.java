package dev.portolan.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.catalog.model.testing.CatalogArbitraries;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {

  private final DocumentReader reader = DocumentReader.create();

  private JsonNode one(String yaml) {
    List<SourceDocument> docs = reader.read("t.yaml", yaml);
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).error()).isEmpty();
    return docs.get(0).json().orElseThrow();
  }

  @Test
  void read_yaml12Scalars_followCoreSchema() {
    JsonNode n = one("a: yes\nb: on\nc: 0755\nd: 0o17\ne: 0x1F\nf: true\ng: ~\nh: 1.5\ni: .inf\nj: '1'\nk: 2024-01-01\n");
    assertThat(n.get("a").textValue()).isEqualTo("yes");
    assertThat(n.get("b").textValue()).isEqualTo("on");
    assertThat(n.get("c").longValue()).isEqualTo(755);
    assertThat(n.get("d").longValue()).isEqualTo(15);
    assertThat(n.get("e").longValue()).isEqualTo(31);
    assertThat(n.get("f").booleanValue()).isTrue();
    assertThat(n.get("g").isNull()).isTrue();
    assertThat(n.get("h").doubleValue()).isEqualTo(1.5);
    assertThat(n.get("i").doubleValue()).isInfinite();
    assertThat(n.get("j").textValue()).isEqualTo("1");
    assertThat(n.get("k").textValue()).isEqualTo("2024-01-01");
  }

  @Test
  void read_yaml11Directive_switchesBooleansAndOctals() {
    JsonNode n = one("%YAML 1.1\n---\na: yes\nb: off\nc: 0755\n");
    assertThat(n.get("a").booleanValue()).isTrue();
    assertThat(n.get("b").booleanValue()).isFalse();
    assertThat(n.get("c").longValue()).isEqualTo(493);
  }

  @Test
  void read_mergeKey_isPlainKey() {
    JsonNode n = one("base: &b {x: 1}\nobj:\n  <<: *b\n  y: 2\n");
    assertThat(n.get("obj").has("<<")).isTrue();
    assertThat(n.get("obj").has("x")).isFalse();
  }

  @Test
  void read_duplicateKey_isLocatedError() {
    List<SourceDocument> docs = reader.read("d.yaml", "a: 1\nb: 2\na: 3\n");
    Violation v = docs.get(0).error().orElseThrow();
    assertThat(v.message()).contains("duplicate key 'a'");
    assertThat(v.position()).contains(new SourcePosition(3, 1));
    assertThat(v.stage()).isEqualTo(Stage.PARSE);
  }

  @Test
  void read_timestampTagOnNonDate_isLocatedError() {
    List<SourceDocument> docs = reader.read("t.yaml", "a: 1\nb: !!timestamp nope\n");
    Violation v = docs.get(0).error().orElseThrow();
    assertThat(v.message()).isEqualTo("!!timestamp value 'nope' is not a date: expected yyyy-mm-dd, optionally "
        + "followed by a time");
    assertThat(v.position()).contains(new SourcePosition(2, 4));
    assertThat(v.stage()).isEqualTo(Stage.PARSE);
  }

  @Test
  void read_timestampTag_becomesIsoText() {
    JsonNode json = reader.read("t.yaml", "a: !!timestamp 2001-12-14 21:59:43.10 -5\n").get(0).json().orElseThrow();
    assertThat(json.get("a").textValue()).isEqualTo("2001-12-15T02:59:43.100Z");
  }

  @Test
  void read_omapWithRepeatedKey_isLocatedError() {
    Violation v = reader.read("o.yaml", "steps: !!omap [build: 1, test: 2, build: 3]\n").get(0).error().orElseThrow();
    assertThat(v.message()).contains("!!omap has the key 'build' twice");
    assertThat(v.position()).contains(new SourcePosition(1, 8));
  }

  @Test
  void read_pairsEntryWithTwoKeys_isLocatedError() {
    Violation v = reader.read("p.yaml", "steps: !!pairs [{a: 1, b: 2}]\n").get(0).error().orElseThrow();
    assertThat(v.message()).contains("has 2 keys: each pair needs its own '- '");
  }

  @Test
  void read_setWithValues_isLocatedError() {
    Violation v = reader.read("s.yaml", "x: !!set {a: 1}\n").get(0).error().orElseThrow();
    assertThat(v.message()).contains("!!set entry at line 1 has a value");
  }

  @Test
  void read_setAndOmap_readAsEmptyObjectsAsBackstageDoes() {
    JsonNode json = reader.read("s.yaml", "s: !!set {a, b}\no: !!omap [a: 1]\nq: !!set [a]\n").get(0).json()
        .orElseThrow();
    assertThat(json.get("s").isObject()).isTrue();
    assertThat(json.get("s").size()).isZero();
    assertThat(json.get("o").isObject()).isTrue();
    assertThat(json.get("o").size()).isZero();
    assertThat(json.get("q").isArray()).as("a tag on the wrong kind of node is ignored").isTrue();
  }

  @Test
  void read_multipleDocuments_skipsEmptyAndKeepsIndex() {
    List<SourceDocument> docs = reader.read("m.yaml", "---\na: 1\n---\n---\nb: 2\n---\n");
    assertThat(docs).extracting(SourceDocument::index).containsExactly(0, 2);
  }

  @Test
  void read_syntaxErrorInMiddleDocument_othersStillRead() {
    List<SourceDocument> docs = reader.read("m.yaml", "a: 1\n---\nb: [unclosed\n---\nc: 3\n");
    assertThat(docs).hasSize(3);
    assertThat(docs.get(0).error()).isEmpty();
    assertThat(docs.get(1).error()).isPresent();
    assertThat(docs.get(2).json().orElseThrow().get("c").asInt()).isEqualTo(3);
  }

  @Test
  void position_nestedField_isOneBasedLineAndColumn() {
    SourceDocument d = reader.read("p.yaml", "metadata:\n  name: foo\nspec:\n  dependsOn:\n    - a\n    - b\n").get(0);
    assertThat(d.position(FieldPath.of("metadata", "name"))).contains(new SourcePosition(2, 9));
    assertThat(d.keyPosition(FieldPath.of("metadata", "name"))).contains(new SourcePosition(2, 3));
    assertThat(d.position(FieldPath.of("spec", "dependsOn").index(1))).contains(new SourcePosition(6, 7));
    assertThat(d.position(FieldPath.of("spec", "missing"))).contains(new SourcePosition(4, 3));
  }

  @Test
  void read_json_isReadAsYaml() {
    JsonNode n = one("{\"apiVersion\": \"v1\", \"list\": [1, 2]}");
    assertThat(n.get("list").size()).isEqualTo(2);
  }

  @Test
  void read_aliases_expandWithinBudget() {
    JsonNode n = one("a: &x [1, 2]\nb: *x\n");
    assertThat(n.get("b").get(1).asInt()).isEqualTo(2);
  }

  @Test
  void read_aliasBomb_stopsFileWithLocatedError() {
    StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      sb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        sb.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      sb.append("]\n");
      prev = c;
    }
    sb.append("---\nafter: 1\n");
    List<SourceDocument> docs = reader.read("bomb.yaml", sb.toString());
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).error().orElseThrow().message()).contains("alias");
    assertThat(docs.get(0).error().orElseThrow().position()).isPresent();
  }

  @Test
  void read_invalidUtf8_isLocatedError() {
    byte[] bytes = "a: 1\nb: \u00e9\n".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 2] = (byte) 0xC3;
    bytes[bytes.length - 3] = (byte) 0xFF;
    Violation v = reader.read("u.yaml", bytes).get(0).error().orElseThrow();
    assertThat(v.message()).contains("invalid UTF-8");
    assertThat(v.position()).contains(new SourcePosition(2, 4));
  }

  @Test
  void read_deepNesting_overLimitIsError() {
    DocumentReader small = DocumentReader.create(Limits.DEFAULTS.withMaxDepth(5));
    String deep = "a: " + "[".repeat(10) + "]".repeat(10) + "\n";
    assertThat(small.read("n.yaml", deep).get(0).error().orElseThrow().message()).contains("nesting");
  }

  @Test
  void read_tooManyDocuments_isError() {
    DocumentReader small = DocumentReader.create(Limits.DEFAULTS.withMaxDocuments(2));
    List<SourceDocument> docs = small.read("n.yaml", "a: 1\n---\nb: 2\n---\nc: 3\n");
    assertThat(docs).hasSize(3);
    assertThat(docs.get(2).error().orElseThrow().message()).contains("more than 2 documents");
  }

  @Test
  void read_tooManyNodes_stopsFile() {
    DocumentReader small = DocumentReader.create(Limits.DEFAULTS.withMaxNodes(5));
    List<SourceDocument> docs = small.read("n.yaml", "a: [1, 2, 3]\n---\nb: 2\n");
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).error().orElseThrow().message()).contains("more than 5 YAML nodes");
    assertThat(docs.get(0).error().orElseThrow().position()).contains(new SourcePosition(1, 11));
  }

  @Test
  void read_tooLarge_isError() {
    DocumentReader small = DocumentReader.create(Limits.DEFAULTS.withMaxDocumentCodePoints(10));
    assertThat(small.read("n.yaml", "a: 12345678901234\n").get(0).error().orElseThrow().message())
        .contains("code points");
  }

  @Test
  void read_tabAsSeparator_isAccepted() {
    assertThat(one("name:\tvalue\n").get("name").textValue()).isEqualTo("value");
    assertThat(reader.read("t.yaml", "a:\n\tb: 1\n").get(0).error()).isPresent();
  }

  @Test
  void read_flowCollectionNotIndented_isErrorAsInBackstage() {
    assertThat(reader.read("f.yaml", "m:\n  tags: [a,\n  b]\n").get(0).error().orElseThrow().message())
        .contains("Flow sequence in block collection must be sufficiently indented");
    assertThat(one("m:\n  tags: [a,\n    b]\n").get("m").get("tags").size()).isEqualTo(2);
    assertThat(one("m:\n  tags: [a,\n    b\n  ]\n").get("m").get("tags").size()).isEqualTo(2);
    assertThat(one("{a: 1,\nb: 2}\n").get("b").asInt()).isEqualTo(2);
  }

  @Test
  void read_loneCarriageReturn_isNotALineBreak() {
    assertThat(reader.read("cr.yaml", "a: 1\rb: 2\r").get(0).error()).isPresent();
    assertThat(one("a: 1\r\nb: 2\r\n").get("b").asInt()).isEqualTo(2);
  }

  @Test
  void read_errorTextWithPercent_isReportedNotThrown() {
    List<DocumentResult> r = CatalogModel.builder().build().validate("p%s.yaml", "a: %d %s\n");
    assertThat(r).singleElement().satisfies(d -> {
      assertThat(d.valid()).isFalse();
      assertThat(d.backstageVerdict().orElseThrow().message()).startsWith("YAML error at file:p%s.yaml, ");
    });
  }

  @Test
  void read_contentAfterImplicitDocumentEnd_isErrorOfThatDocument() {
    List<SourceDocument> docs = reader.read("c.yaml", " a: 1\nb: 2\n---\nc: 3\n");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).index()).isZero();
    assertThat(docs.get(0).error()).isPresent();
    assertThat(docs.get(1).index()).isEqualTo(1);
    assertThat(docs.get(1).error()).isEmpty();
  }

  @Test
  void read_otherYamlVersions_areReadAsYaml12() {
    assertThat(one("%YAML 2.0\n---\na: yes\n").get("a").textValue()).isEqualTo("yes");
  }

  @Property(tries = 200)
  void read_jsonText_roundTrips(@ForAll("json") JsonNode value) throws Exception {
    ObjectMapper m = new ObjectMapper();
    JsonNode doc = m.createObjectNode().set("v", value);
    assertThat(one(m.writeValueAsString(doc))).isEqualTo(doc);
  }

  @Provide
  Arbitrary<JsonNode> json() {
    return CatalogArbitraries.jsonValues();
  }
}
