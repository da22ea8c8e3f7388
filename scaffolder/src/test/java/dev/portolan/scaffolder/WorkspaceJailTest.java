package dev.portolan.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attacks of the scaffolder's security history (spec section 8.1), each refused. */
class WorkspaceJailTest {

  static final Scaffolder SCAFFOLDER = Scaffolder.builder().build();

  @TempDir Path dir;
  Path outside;
  Path secret;

  @BeforeEach
  void setUp() throws IOException {
    outside = Files.createDirectories(dir.resolve("outside"));
    secret = Files.writeString(outside.resolve("passwd"), "root:x:0:0", StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("tpl/skeleton"));
    Files.writeString(dir.resolve("tpl/skeleton/a.txt"), "a", StandardCharsets.UTF_8);
  }

  ScaffoldResult run(String steps) throws IOException {
    Path t = dir.resolve("tpl/template.yaml");
    Files.writeString(t, """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: jail
        spec:
          type: service
        """ + steps, StandardCharsets.UTF_8);
    return SCAFFOLDER.run(ScaffoldRequest.dryRun(SCAFFOLDER.loadTemplate(t), ScaffolderTest.json("{}")));
  }

  static void assertRefused(ScaffoldResult r, String fragment) {
    assertThat(r.succeeded()).isFalse();
    assertThat(r.error().orElseThrow()).contains(fragment);
  }

  @Test
  void targetPath_dotDotEscapes_areRefused() throws IOException {
    for (String path : new String[] {"../x", "a/../../x", "./../../outside"}) {
      ScaffoldResult r = run("""
            steps:
              - action: fetch:plain
                input: {url: ./skeleton, targetPath: "%s"}
          """.formatted(path));
      assertRefused(r, "is not allowed");
    }
    assertThat(outside).isDirectoryNotContaining("glob:**/a.txt");
  }

  @Test
  void absolutePaths_areRefused() throws IOException {
    ScaffoldResult r = run("""
          steps:
            - action: catalog:write
              input: {filePath: "%s", entity: {kind: x}}
        """.formatted(outside.resolve("owned.yaml")));
    assertRefused(r, "absolute paths are refused");
    assertThat(outside.resolve("owned.yaml")).doesNotExist();
  }

  @Test
  void relativeUrl_outsideTemplateDirectory_isRefused() throws IOException {
    ScaffoldResult r = run("""
          steps:
            - action: fetch:plain
              input: {url: ../outside}
        """);
    assertRefused(r, "leads outside the template directory");
  }

  @Test
  void symlinkInSkeleton_cannotBeUsedToWriteOutside() throws IOException {
    Files.createSymbolicLink(dir.resolve("tpl/skeleton/escape"), outside);
    ScaffoldResult r = run("""
          steps:
            - action: fetch:plain
              input: {url: ./skeleton}
            - action: catalog:write
              input: {filePath: escape/owned.yaml, entity: {kind: x}}
        """);
    assertRefused(r, "a symbolic link leads outside");
    assertThat(outside.resolve("owned.yaml")).doesNotExist();
  }

  @Test
  void symlinkChainAndDanglingLink_areRefused() throws IOException {
    Files.createSymbolicLink(dir.resolve("tpl/skeleton/link2"), outside);
    Files.createSymbolicLink(dir.resolve("tpl/skeleton/link1"), Path.of("link2"));
    Files.createSymbolicLink(dir.resolve("tpl/skeleton/dangling"), outside.resolve("not-yet"));
    ScaffoldResult chain = run("""
          steps:
            - action: fetch:plain
              input: {url: ./skeleton}
            - action: catalog:write
              input: {filePath: link1/owned.yaml, entity: {kind: x}}
        """);
    assertRefused(chain, "a symbolic link leads outside");
    ScaffoldResult dangling = run("""
          steps:
            - action: fetch:plain
              input: {url: ./skeleton}
            - action: catalog:write
              input: {filePath: dangling, entity: {kind: x}}
        """);
    assertRefused(dangling, "a symbolic link leads outside");
    assertThat(outside.resolve("not-yet")).doesNotExist();
    assertThat(outside.resolve("owned.yaml")).doesNotExist();
  }

  @Test
  void debugLogWithContents_doesNotFollowSymlinks() throws IOException {
    Files.createSymbolicLink(dir.resolve("tpl/skeleton/passwd"), secret);
    ScaffoldResult r = run("""
          steps:
            - action: fetch:plain
              input: {url: ./skeleton}
            - action: debug:log
              input: {listWorkspace: with-contents}
        """);
    assertThat(r.succeeded()).isTrue();
    assertThat(r.log().toString()).doesNotContain("root:x:0:0").contains("passwd (symbolic link, not followed)");
  }

  @Test
  void fsDelete_ofLinkToOutsideFile_deletesOnlyTheLink() throws IOException {
    Files.createSymbolicLink(dir.resolve("tpl/skeleton/passwd"), secret);
    ScaffoldResult r = run("""
          steps:
            - action: fetch:plain
              input: {url: ./skeleton}
            - action: fs:delete
              input: {files: [passwd]}
        """);
    assertThat(r.succeeded()).isTrue();
    assertThat(secret).exists().hasContent("root:x:0:0");
    assertThat(r.files()).extracting(ScaffoldResult.GeneratedFile::path).containsExactly("a.txt");
  }

  @Test
  void fsRename_throughSymlink_isRefused() throws IOException {
    Files.createSymbolicLink(dir.resolve("tpl/skeleton/escape"), outside);
    ScaffoldResult r = run("""
          steps:
            - action: fetch:plain
              input: {url: ./skeleton}
            - action: fs:rename
              input: {files: [{from: a.txt, to: escape/a.txt}]}
        """);
    assertRefused(r, "a symbolic link leads outside");
    assertThat(outside.resolve("a.txt")).doesNotExist();
  }

  @Test
  void skeletonPathRenderingToParent_isRefused() throws IOException {
    Files.writeString(dir.resolve("tpl/skeleton/${{ values.p }}"), "x", StandardCharsets.UTF_8);
    ScaffoldResult r = run("""
          steps:
            - action: fetch:template
              input: {url: ./skeleton, values: {p: ../../escaped.txt}}
        """);
    assertRefused(r, "leads outside the workspace");
  }

  @Test
  void sandboxEscapeExpression_inDebugLog_rendersNothingDangerous() throws IOException {
    ScaffoldResult r = run("""
          steps:
            - action: debug:log
              input:
                message: ${{ ''.constructor.constructor('return process')().mainModule }}
        """);
    assertThat(r.succeeded()).isTrue();
    JsonNode logged = ScaffolderTest.json("\"x\"");
    assertThat(logged).isNotNull();
    assertThat(r.log()).anySatisfy(e -> assertThat(e.message()).contains("cannot call"));
  }

  @Test
  void secretInDryRunInputLog_isMasked() throws IOException {
    Path t = dir.resolve("tpl/template.yaml");
    Files.writeString(t, """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: jail
        spec:
          type: service
          steps:
            - action: debug:log
              input:
                message: ${{ secrets.pw | reverse }}
        """, StandardCharsets.UTF_8);
    ScaffoldResult r = SCAFFOLDER.run(ScaffoldRequest.dryRun(SCAFFOLDER.loadTemplate(t), ScaffolderTest.json("{}"))
        .withSecrets(java.util.Map.of("pw", "hunter2")));
    assertThat(r.log().toString()).doesNotContain("hunter2").doesNotContain("2retnuh");
  }
}
