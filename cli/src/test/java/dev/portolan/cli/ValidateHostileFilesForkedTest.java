package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.model.testing.HostileFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    HostileFiles.write(dir);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "validate", "--format", "jsonl",
        dir.toString());
    Path out = dir.resolveSibling(dir.getFileName() + "-out.txt");
    Path err = dir.resolveSibling(dir.getFileName() + "-err.txt");
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    Process p = pb.start();
    boolean finished = p.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
    }
    assertThat(finished).as("finished in time").isTrue();
    String stdout = Files.readString(out);
    String stderr = Files.readString(err);
    assertThat(stderr).doesNotContain("Exception").doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    assertThat(p.exitValue()).isEqualTo(1);
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
