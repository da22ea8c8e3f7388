package dev.portolan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled sample organisation (Acme), copied from the class path into a folder so that every module can
 * read it as ordinary files. The files are listed in {@code demo/index.txt}.
 *
 * @param root the folder the sample was copied to
 * @param files every copied file, relative to {@code root}, in index order
 */
record DemoSample(Path root, List<String> files) {

  /** Where the sample lives on the class path. */
  static final String RESOURCE_ROOT = "/dev/portolan/cli/demo/";

  /** The folder of catalog descriptor files, relative to the root. */
  static final String CATALOG_DIR = "catalog/";

  /** The folder of software templates, one sub-folder each, relative to the root. */
  static final String TEMPLATES_DIR = "templates/";

  /** The delivery events (JSON Lines), relative to the root. */
  static final String DELIVERY_EVENTS = "delivery/events.jsonl";

  DemoSample {
    files = List.copyOf(files);
  }

  /**
   * Copies the sample into {@code dir}.
   *
   * @param dir an existing, writable folder
   * @return the copied sample
   * @throws UncheckedIOException if the index or a file is missing or cannot be written
   */
  static DemoSample extractTo(Path dir) {
    List<String> files = index();
    for (String f : files) {
      Path target = dir.resolve(f).normalize();
      if (!target.startsWith(dir)) {
        throw new IllegalStateException("sample index entry escapes the folder: " + f);
      }
      try (InputStream in = open(f)) {
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy the sample file " + f + " to " + target, e);
      }
    }
    return new DemoSample(dir, files);
  }

  /**
   * The sample's file list, from {@code index.txt}: one relative path per line, {@code #} comments.
   *
   * @return the relative paths
   */
  static List<String> index() {
    try (InputStream in = open("index.txt")) {
      List<String> files = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          files.add(l);
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sample index", e);
    }
  }

  private static InputStream open(String relative) throws IOException {
    InputStream in = DemoSample.class.getResourceAsStream(RESOURCE_ROOT + relative);
    if (in == null) {
      throw new IOException("missing from the class path: " + RESOURCE_ROOT + relative);
    }
    return in;
  }

  /**
   * The catalog descriptor files: everything under {@code catalog/} plus each template's
   * {@code template.yaml} (skeleton files are template sources, not catalog entries).
   *
   * @return absolute paths, in index order
   */
  List<Path> catalogFiles() {
    List<Path> out = new ArrayList<>();
    for (String f : files) {
      boolean descriptor = f.startsWith(CATALOG_DIR) && (f.endsWith(".yaml") || f.endsWith(".yml"));
      boolean template = f.startsWith(TEMPLATES_DIR) && f.endsWith("/template.yaml")
          && f.chars().filter(c -> c == '/').count() == 2;
      if (descriptor || template) {
        out.add(root.resolve(f));
      }
    }
    return out;
  }

  /**
   * Shows a path relative to the sample root, with {@code /} separators, for output that does not depend on
   * where the sample was copied.
   *
   * @param p a path inside the sample
   * @return the relative path
   */
  String relative(Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}
