package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.model.testing.HostileFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code portolan validate} in a separate JVM limited to 256 MB of heap over a folder of hostile
 * files: it must finish, report every file, keep validating the good documents, and never print a stack
 * trace or run out of memory.
 */
class ValidateHostileFilesForkedTest {

  @Test
  void validate_hostileFolderIn256MbHeap_reportsEveryFileWithoutStackTrace(@TempDir Path dir) throws Exception {
    Path catalog = Files.createDirectory(dir.resolve("catalog"));
    HostileFiles.write(catalog);
    ForkedCli.Run run = ForkedCli.run("256m", 180, dir, "validate", "--format", "jsonl", catalog.toString());
    String stdout = run.stdout();
    String stderr = run.stderr();
    assertThat(stderr).doesNotContain("Exception").doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    assertThat(run.exitCode()).isEqualTo(1);
    List<String> lines = stdout.lines().toList();
    for (String f : List.of("alias-bomb", "deep", "big-scalar", "invalid-utf8", "duplicate-keys", "tabs",
        "binary", "many-nodes")) {
      assertThat(lines).filteredOn(l -> l.contains(f + ".yaml")).singleElement()
          .satisfies(l -> assertThat(l).contains("\"valid\":false").contains("\"line\":"));
    }
    assertThat(lines).filteredOn(l -> l.contains("mixed.yaml")).extracting(l -> l.contains("\"valid\":true"))
        .containsExactly(true, false, true);
    assertThat(lines).noneMatch(l -> l.contains("empty.yaml") || l.contains("comments-only.yaml"));
  }
}
