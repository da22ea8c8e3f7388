package dev.portolan.maven.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds files below directories by Ant-style include and exclude globs ({@code **}{@code /catalog-info.yaml},
 * {@code target/**}), matched against the path relative to each directory with {@code /} separators.
 * A leading {@code **}{@code /} also matches files directly in the directory.
 */
public final class DescriptorScanner {

  private final List<PathMatcher> includes;
  private final List<PathMatcher> excludes;

  /**
   * Creates a scanner.
   *
   * @param includes globs a file must match one of
   * @param excludes globs no file or directory may match
   */
  public DescriptorScanner(List<String> includes, List<String> excludes) {
    this.includes = matchers(includes);
    this.excludes = matchers(excludes);
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> out = new ArrayList<>();
    for (String g : globs) {
      String glob = g.trim().replace('\\', '/');
      if (glob.isEmpty()) {
        continue;
      }
      if (glob.endsWith("/")) {
        glob = glob + "**";
      }
      List<String> variants = new ArrayList<>();
      for (String v = glob; ; v = v.substring(3)) {
        variants.add(v);
        if (v.endsWith("/**")) {
          // the directory itself, so that it is skipped rather than walked
          variants.add(v.substring(0, v.length() - 3));
        }
        if (!v.startsWith("**/")) {
          break;
        }
      }
      for (String v : variants) {
        if (!v.isEmpty()) {
          out.add(FileSystems.getDefault().getPathMatcher("glob:" + v));
        }
      }
    }
    return out;
  }

  /**
   * The matching regular files below a directory, sorted.
   *
   * @param directory the directory to search
   * @return the files, absolute
   * @throws UncheckedIOException when the directory cannot be listed
   */
  public List<Path> scan(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    TreeSet<Path> out = new TreeSet<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          // excluded directories (node_modules, target) are not even listed
          return !d.equals(dir) && matchesAny(excludes, relative(dir, d))
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          Path rel = relative(dir, f);
          if (attrs.isRegularFile() && matchesAny(includes, rel) && !excluded(rel)) {
            out.add(f);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  private static Path relative(Path dir, Path f) {
    return Path.of(dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"));
  }

  private boolean excluded(Path rel) {
    for (Path p = rel; p != null; p = p.getParent()) {
      if (matchesAny(excludes, p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAny(List<PathMatcher> matchers, Path rel) {
    for (PathMatcher m : matchers) {
      if (m.matches(rel)) {
        return true;
      }
    }
    return false;
  }
}
