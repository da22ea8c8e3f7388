package dev.portolan.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorScannerTest {

  @TempDir Path dir;

  private void touch(String... files) throws IOException {
    for (String f : files) {
      Path p = dir.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "kind: Component\n");
    }
  }

  private List<String> scan(List<String> includes, List<String> excludes) {
    return new DescriptorScanner(includes, excludes).scan(dir).stream()
        .map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
  }

  @Test
  void scan_defaultGlobs_matchesRootAndNestedDescriptorsOnly() throws IOException {
    touch("catalog-info.yaml", "svc/a/catalog-info.yml", "svc/b/other.yaml", "target/catalog-info.yaml",
        "web/node_modules/x/catalog-info.yaml", "catalog-info.yaml.bak");
    assertThat(scan(List.of("**/catalog-info.yaml", "**/catalog-info.yml"),
        List.of("**/target/**", "**/node_modules/**")))
        .containsExactly("catalog-info.yaml", "svc/a/catalog-info.yml");
  }

  @Test
  void scan_directoryExcludeWithTrailingSlash_excludesEverythingBelow() throws IOException {
    touch("a/x.yaml", "b/y.yaml", "b/c/z.yaml");
    assertThat(scan(List.of("**/*.yaml"), List.of("b/"))).containsExactly("a/x.yaml");
  }

  @Test
  void scan_excludedDirectoriesAtAnyDepth_skipped() throws IOException {
    touch("catalog-info.yaml", "node_modules/pkg/catalog-info.yaml", "web/node_modules/catalog-info.yaml",
        "web/catalog-info.yaml");
    assertThat(scan(List.of("**/catalog-info.yaml"), List.of("**/node_modules/**")))
        .containsExactly("catalog-info.yaml", "web/catalog-info.yaml");
  }

  @Test
  void scan_blankGlobs_ignored() throws IOException {
    touch("x.yaml");
    assertThat(scan(List.of(" ", "*.yaml"), List.of(""))).containsExactly("x.yaml");
  }

  @Test
  void scan_noIncludes_findsNothing() throws IOException {
    touch("x.yaml");
    assertThat(scan(List.of(), List.of())).isEmpty();
  }

  @Test
  void scan_results_sortedAndAbsolute() throws IOException {
    touch("z/catalog-info.yaml", "a/catalog-info.yaml", "m/catalog-info.yaml");
    List<Path> found = new DescriptorScanner(List.of("**/catalog-info.yaml"), List.of()).scan(dir);
    assertThat(found).allMatch(Path::isAbsolute).isSorted();
    assertThat(found).hasSize(3);
  }
}
