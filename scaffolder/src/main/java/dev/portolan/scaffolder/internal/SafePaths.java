package dev.portolan.scaffolder.internal;

import dev.portolan.scaffolder.ScaffolderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The workspace jail: every path from template input must stay inside its base directory, also through
 * symlinks, symlink chains and dangling symlinks.
 */
public final class SafePaths {

  private static final int MAX_LINKS = 40;

  private SafePaths() {}

  private static ScaffolderException refuse(String path, String why) {
    return new ScaffolderException("", Optional.empty(), "", "", "path '" + path + "' is not allowed: " + why);
  }

  /**
   * Resolves a relative path from template input under a base directory.
   *
   * @param base the directory
   * @param relative the path
   * @return the joined path, checked
   * @throws ScaffolderException when the path is absolute or leads outside
   */
  public static Path resolve(Path base, String relative) {
    if (relative.indexOf('\0') >= 0) {
      throw refuse(relative, "it contains a NUL character");
    }
    if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("^[A-Za-z]:.*")) {
      throw refuse(relative, "absolute paths are refused; give a path relative to the workspace");
    }
    Path p;
    try {
      p = Path.of(relative);
    } catch (InvalidPathException e) {
      throw refuse(relative, e.getReason());
    }
    if (p.isAbsolute()) {
      throw refuse(relative, "absolute paths are refused; give a path relative to the workspace");
    }
    return check(base, base.resolve(p), relative);
  }

  /**
   * Resolves a path whose last component is acted on itself (deleted, not followed): the parent must stay
   * inside the base through symlinks, the last component must be a plain name.
   *
   * @param base the directory
   * @param relative the path
   * @return the joined path, checked
   * @throws ScaffolderException when the path is absolute or leads outside
   */
  public static Path resolveNoFollow(Path base, String relative) {
    Path joined = resolveLexically(base, relative);
    Path parent = joined.getParent();
    if (parent == null || joined.equals(base.toAbsolutePath().normalize())) {
      throw refuse(relative, "it names the workspace itself");
    }
    check(base, parent, relative);
    return joined;
  }

  private static Path resolveLexically(Path base, String relative) {
    if (relative.indexOf('\0') >= 0) {
      throw refuse(relative, "it contains a NUL character");
    }
    if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("^[A-Za-z]:.*")) {
      throw refuse(relative, "absolute paths are refused; give a path relative to the workspace");
    }
    Path norm = base.toAbsolutePath().normalize().resolve(relative).normalize();
    if (!norm.startsWith(base.toAbsolutePath().normalize())) {
      throw refuse(relative, "it leads outside the workspace");
    }
    return norm;
  }

  /**
   * Checks that a path lies inside a base directory once symlinks are followed.
   *
   * @param base the directory
   * @param candidate the path
   * @return the normalised candidate
   * @throws ScaffolderException when it leads outside
   */
  public static Path check(Path base, Path candidate) {
    return check(base, candidate, candidate.toString());
  }

  private static Path check(Path base, Path candidate, String shown) {
    Path absBase = base.toAbsolutePath().normalize();
    Path realBase;
    try {
      realBase = absBase.toRealPath();
    } catch (IOException e) {
      realBase = absBase;
    }
    Path norm = candidate.toAbsolutePath().normalize();
    if (!norm.startsWith(absBase) && !norm.startsWith(realBase)) {
      throw refuse(shown, "it leads outside the workspace");
    }
    Path real = followLinks(norm, 0, shown);
    if (!real.startsWith(realBase)) {
      throw refuse(shown, "a symbolic link leads outside the workspace");
    }
    return norm;
  }

  private static Path followLinks(Path p, int hops, String shown) {
    if (hops > MAX_LINKS) {
      throw refuse(shown, "too many levels of symbolic links");
    }
    Path cur = p.getRoot();
    for (Path name : p) {
      Path next = cur == null ? name : cur.resolve(name);
      if (Files.isSymbolicLink(next)) {
        try {
          Path target = Files.readSymbolicLink(next);
          Path parent = next.getParent();
          Path joined = (parent == null ? target : parent.resolve(target)).toAbsolutePath().normalize();
          cur = followLinks(joined, hops + 1, shown);
        } catch (IOException e) {
          throw refuse(shown, "cannot read symbolic link " + next.getFileName());
        }
      } else {
        cur = next;
      }
    }
    return cur == null ? p : cur;
  }
}
