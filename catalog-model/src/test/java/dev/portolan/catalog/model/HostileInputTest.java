package dev.portolan.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.model.testing.HostileFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile files give clear, located errors; nothing throws, hangs or runs out of memory. */
class HostileInputTest {

  @TempDir static Path dir;

  private static final CatalogModel MODEL = CatalogModel.builder().build();

  @BeforeAll
  static void writeFiles() throws Exception {
    HostileFiles.write(dir);
  }

  private static DocumentResult only(String file) {
    List<DocumentResult> r = MODEL.validate(dir.resolve(file));
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  private static Violation error(String file) {
    DocumentResult r = only(file);
    assertThat(r.valid()).isFalse();
    assertThat(r.violations()).isNotEmpty();
    Violation v = r.violations().get(0);
    assertThat(v.file()).isEqualTo(dir.resolve(file).toString());
    return v;
  }

  @Test
  void aliasBomb_isStoppedWithPosition() {
    Violation v = error("alias-bomb.yaml");
    assertThat(v.message()).contains("alias");
    assertThat(v.position()).isPresent();
    assertThat(v.stage()).isEqualTo(Stage.PARSE);
  }

  @Test
  void deepNesting_isLimitError() {
    Violation v = error("deep.yaml");
    assertThat(v.message()).contains("nesting is deeper than the limit of 500");
    assertThat(v.position()).isPresent();
  }

  @Test
  void fiftyMegabyteScalar_isSizeError() {
    Violation v = error("big-scalar.yaml");
    assertThat(v.message()).contains("more than the limit of");
  }

  @Test
  void invalidUtf8_isLocated() {
    Violation v = error("invalid-utf8.yaml");
    assertThat(v.message()).startsWith("invalid UTF-8");
    assertThat(v.position()).contains(new SourcePosition(9, 9));
  }

  @Test
  void duplicateKeys_isLocated() {
    Violation v = error("duplicate-keys.yaml");
    assertThat(v.message()).contains("duplicate key 'owner'");
    assertThat(v.position()).contains(new SourcePosition(9, 3));
  }

  @Test
  void tabIndentation_isLocated() {
    Violation v = error("tabs.yaml");
    assertThat(v.message()).contains("TAB");
    assertThat(v.position()).contains(new SourcePosition(4, 1));
  }

  @Test
  void binaryFile_isReadError() {
    Violation v = error("binary.yaml");
    assertThat(v.message()).isNotBlank();
    assertThat(v.position()).isPresent();
  }

  @Test
  void emptyAndCommentOnlyFiles_haveNoDocuments() {
    assertThat(MODEL.validate(dir.resolve("empty.yaml"))).isEmpty();
    assertThat(MODEL.validate(dir.resolve("comments-only.yaml"))).isEmpty();
  }

  /** Random edits of a real descriptor never make validation throw, and every verdict is consistent. */
  @net.jqwik.api.Property(tries = 300)
  void mutatedDescriptor_neverThrows(
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 400) int position,
      @net.jqwik.api.ForAll("edits") String edit,
      @net.jqwik.api.ForAll boolean replace) {
    String base = HostileFiles.component("mutant") + "  dependsOn: [resource:db]\n---\n"
        + HostileFiles.component("second");
    int at = Math.min(position, base.length());
    String text = replace && at < base.length()
        ? base.substring(0, at) + edit + base.substring(at + 1)
        : base.substring(0, at) + edit + base.substring(at);
    for (CatalogModel m : List.of(MODEL, CatalogModel.builder().profile(Profile.CORE).build())) {
      for (DocumentResult r : m.validate("mutant.yaml", text)) {
        assertThat(r.valid()).isEqualTo(r.violations().isEmpty());
        assertThat(r.backstageVerdict().isPresent()).isEqualTo(!r.valid());
        r.violations().forEach(v -> assertThat(v.toString()).startsWith("mutant.yaml"));
      }
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> edits() {
    return net.jqwik.api.Arbitraries.strings().withChars(":-[]{}!&*#|>'\"%@`?,\t\n \\~0.$<=xyz")
        .ofMinLength(1).ofMaxLength(4);
  }

  @Test
  void oneBadDocument_othersStillValid() {
    List<DocumentResult> r = MODEL.validate(dir.resolve("mixed.yaml"));
    assertThat(r).extracting(DocumentResult::valid).containsExactly(true, false, true);
    assertThat(r.get(1).violations().get(0).position()).contains(new SourcePosition(13, 9));
  }
}
