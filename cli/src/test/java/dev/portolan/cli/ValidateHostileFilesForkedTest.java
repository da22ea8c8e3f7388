package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

  private static String component(String name) {
    return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name
        + "\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n";
  }

  private static void writeHostileFiles(Path dir) throws IOException {
    StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'i'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      bomb.append("]\n");
      prev = c;
    }
    Files.writeString(dir.resolve("alias-bomb.yaml"), bomb);
    Files.writeString(dir.resolve("deep.yaml"), component("deep") + "  deep: " + "[".repeat(10_000)
        + "]".repeat(10_000) + "\n");
    try (OutputStream out = Files.newOutputStream(dir.resolve("big-scalar.yaml"))) {
      out.write((component("big") + "  blob: ").getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
    }
    byte[] good = component("bad-utf8").getBytes(StandardCharsets.UTF_8);
    byte[] bad = Arrays.copyOf(good, good.length + 3);
    bad[good.length] = (byte) 0xC3;
    bad[good.length + 1] = (byte) 0x28;
    bad[good.length + 2] = '\n';
    Files.write(dir.resolve("invalid-utf8.yaml"), bad);
    Files.writeString(dir.resolve("duplicate-keys.yaml"), component("dup") + "  owner: team-b\n");
    Files.writeString(dir.resolve("tabs.yaml"), "apiVersion: backstage.io/v1alpha1\nkind: Component\n"
        + "metadata:\n\tname: tabbed\n");
    byte[] binary = new byte[8192];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 131 + 17);
    }
    Files.write(dir.resolve("binary.yaml"), binary);
    Files.writeString(dir.resolve("many-nodes.yaml"), "[" + "1,".repeat(1_500_000) + "1]\n");
    Files.writeString(dir.resolve("empty.yaml"), "");
    Files.writeString(dir.resolve("comments-only.yaml"), "# nothing\n");
    Files.writeString(dir.resolve("mixed.yaml"), component("good-one") + "---\n" + component("bad name")
        + "---\n" + component("good-two"));
  }

  @Test
  void validate_hostileFolderIn256MbHeap_reportsEveryFileWithoutStackTrace(@TempDir Path dir) throws Exception {
    writeHostileFiles(dir);
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
