package dev.portolan.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.scaffolder.ScaffolderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafePathsTest {

  @TempDir Path dir;

  @Test
  void resolve_plainRelativePath_staysInside() throws IOException {
    Path ws = Files.createDirectories(dir.resolve("ws"));
    assertThat(SafePaths.resolve(ws, "a/b/../c.txt")).isEqualTo(ws.toAbsolutePath().resolve("a/c.txt"));
    assertThat(SafePaths.resolve(ws, "./")).isEqualTo(ws.toAbsolutePath());
  }

  @Test
  void resolve_escapes_areRefused() throws IOException {
    Path ws = Files.createDirectories(dir.resolve("ws"));
    for (String bad : new String[] {"../x", "a/../../x", "/etc/passwd", "\\\\server\\share"}) {
      assertThatThrownBy(() -> SafePaths.resolve(ws, bad)).isInstanceOf(ScaffolderException.class);
    }
  }

  @Test
  void resolve_escape_namesTheWorkspaceNeutrallyAndThePath() throws IOException {
    Path ws = Files.createDirectories(dir.resolve("portolan-scaffold-8719411718218779929"));
    Files.createSymbolicLink(ws.resolve("link"), dir);
    assertThatThrownBy(() -> SafePaths.resolve(ws, "../x"))
        .hasMessage("path '../x' is not allowed: it leads outside the workspace");
    assertThatThrownBy(() -> SafePaths.resolveNoFollow(ws, "a/../../x"))
        .hasMessage("path 'a/../../x' is not allowed: it leads outside the workspace");
    assertThatThrownBy(() -> SafePaths.resolve(ws, "link/x"))
        .hasMessage("path 'link/x' is not allowed: a symbolic link leads outside the workspace");
  }

  @Test
  void resolve_symlinkChainToOutside_isRefusedAndInsideLinkAllowed() throws IOException {
    Path ws = Files.createDirectories(dir.resolve("ws"));
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.createDirectories(ws.resolve("real"));
    Files.createSymbolicLink(ws.resolve("l2"), out);
    Files.createSymbolicLink(ws.resolve("l1"), Path.of("l2"));
    Files.createSymbolicLink(ws.resolve("inside"), Path.of("real"));
    Files.createSymbolicLink(ws.resolve("loop"), Path.of("loop"));
    assertThatThrownBy(() -> SafePaths.resolve(ws, "l1/file")).hasMessageContaining("a symbolic link leads outside");
    assertThatThrownBy(() -> SafePaths.resolve(ws, "loop/x")).hasMessageContaining("too many levels");
    assertThat(SafePaths.resolve(ws, "inside/file")).isEqualTo(ws.toAbsolutePath().resolve("inside/file"));
  }

  @Test
  void resolveNoFollow_linkItself_isAllowedButNotThroughIt() throws IOException {
    Path ws = Files.createDirectories(dir.resolve("ws"));
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.createSymbolicLink(ws.resolve("l"), out);
    assertThat(SafePaths.resolveNoFollow(ws, "l")).isEqualTo(ws.toAbsolutePath().resolve("l"));
    assertThatThrownBy(() -> SafePaths.resolveNoFollow(ws, "l/x")).isInstanceOf(ScaffolderException.class);
    assertThatThrownBy(() -> SafePaths.resolveNoFollow(ws, ".")).isInstanceOf(ScaffolderException.class);
  }
}
