package dev.portolan.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlobsTest {

  static final List<String> ENTRIES = List.of(".github/", ".github/workflows/", ".github/workflows/ci.yml",
      "${{ values.name }}/", "${{ values.name }}/a.txt", "docs/", "docs/intro.md", "docs/guide/", "docs/guide/x.md",
      "static/", "static/site.css", "static/img/", "static/img/logo.svg", "README.md");

  @Test
  void isGlob_bracesWithoutAList_nameAPath() {
    assertThat(Globs.isGlob("${{ values.name }}")).isFalse();
    assertThat(Globs.isGlob(".github/workflows")).isFalse();
    assertThat(Globs.isGlob("{a,b}.txt")).isTrue();
    assertThat(Globs.isGlob("static/*")).isTrue();
    assertThat(Globs.isGlob("file[0-9].txt")).isTrue();
  }

  @Test
  void compile_globstarAndDotFiles_matchAsGlobbyDoes() {
    assertThat(Globs.compile("docs/**/*.md").matcher("docs/intro.md").matches()).isTrue();
    assertThat(Globs.compile("docs/**/*.md").matcher("docs/guide/x.md").matches()).isTrue();
    assertThat(Globs.compile("*").matcher(".github").matches()).isTrue();
    assertThat(Globs.compile("static/*").matcher("static/img/logo.svg").matches()).isFalse();
    assertThat(Globs.compile("{README,LICENSE}.md").matcher("README.md").matches()).isTrue();
  }

  @Test
  void expandGlobs_namedDirectoryCoversItsContentsButAGlobDoesNot() {
    assertThat(BuiltinActions.expandGlobs(List.of(".github/workflows"), ENTRIES))
        .containsExactly(".github/workflows/ci.yml");
    assertThat(BuiltinActions.expandGlobs(List.of("${{ values.name }}/"), ENTRIES))
        .containsExactly("${{ values.name }}/a.txt");
    assertThat(BuiltinActions.expandGlobs(List.of("static/*"), ENTRIES))
        .containsExactly("static/site.css", "static/img/");
    assertThat(BuiltinActions.expandGlobs(List.of("static/*/"), ENTRIES)).containsExactly("static/img/");
    assertThat(BuiltinActions.expandGlobs(List.of("./README.md", "missing"), ENTRIES)).containsExactly("README.md");
  }
}
