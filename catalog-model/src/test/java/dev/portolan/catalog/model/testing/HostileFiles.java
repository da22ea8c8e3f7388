package dev.portolan.catalog.model.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes a folder of hostile catalog files at test time (the large ones are never committed): an alias
 * bomb, 10,000-deep nesting, a 50 MB scalar, invalid UTF-8, duplicate keys, tab indentation, a binary
 * file, a file of a million and a half nodes, an empty file, a comments-only file and a file with one bad document among good ones.
 */
public final class HostileFiles {

  /** A valid Component descriptor with the given name. */
  public static String component(String name) {
    return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name
        + "\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n";
  }

  private HostileFiles() {}

  /**
   * Writes every hostile file into a folder.
   *
   * @param dir an empty folder
   * @throws IOException if a file cannot be written
   */
  public static void write(Path dir) throws IOException {
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

    int depth = 10_000;
    Files.writeString(dir.resolve("deep.yaml"), component("deep") + "  deep: " + "[".repeat(depth)
        + "]".repeat(depth) + "\n");

    Path big = dir.resolve("big-scalar.yaml");
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write((component("big") + "  blob: ").getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
      out.write('\n');
    }

    byte[] utf8 = component("bad-utf8").getBytes(StandardCharsets.UTF_8);
    byte[] broken = Arrays.copyOf(utf8, utf8.length + 16);
    byte[] tail = "  note: \u00ff\u00fe\n".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(tail, 0, broken, utf8.length, tail.length);
    Files.write(dir.resolve("invalid-utf8.yaml"), Arrays.copyOf(broken, utf8.length + tail.length));

    Files.writeString(dir.resolve("duplicate-keys.yaml"), component("dup") + "  owner: team-b\n");
    Files.writeString(dir.resolve("tabs.yaml"), "apiVersion: backstage.io/v1alpha1\nkind: Component\n"
        + "metadata:\n\tname: tabbed\n");
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31 + 7);
    }
    Files.write(dir.resolve("binary.yaml"), binary);
    Files.writeString(dir.resolve("many-nodes.yaml"), "[" + "1,".repeat(1_500_000) + "1]\n");
    Files.writeString(dir.resolve("empty.yaml"), "");
    Files.writeString(dir.resolve("comments-only.yaml"), "# nothing here\n# at all\n");
    Files.writeString(dir.resolve("mixed.yaml"), component("good-one") + "---\n"
        + component("bad name") + "---\n" + component("good-two"));
  }
}
