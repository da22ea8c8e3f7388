package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScaffoldCommandTest {

  @TempDir Path dir;
  Path template;
  Path values;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("tpl/skeleton"));
    Files.writeString(dir.resolve("tpl/skeleton/README.md"), "# ${{ values.name }}\n", StandardCharsets.UTF_8);
    template = Files.writeString(dir.resolve("tpl/template.yaml"), """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: cli-demo
        spec:
          type: service
          parameters:
            required: [name]
            properties:
              name: {type: string}
          steps:
            - id: fetch
              action: fetch:template
              input:
                url: ./skeleton
                values:
                  name: ${{ parameters.name }}
            - id: publish
              action: publish:github
              input: {repoUrl: x}
          output:
            links:
              - title: Docs
                url: https://example.com/${{ parameters.name }}
        """, StandardCharsets.UTF_8);
    values = Files.writeString(dir.resolve("values.yaml"), "name: payments\n", StandardCharsets.UTF_8);
  }

  int run(String... args) {
    CommandLine cl = PortolanCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void scaffold_dryRun_listsFilesAndWritesNothing() {
    int code = run("scaffold", template.toString(), "--values", values.toString(), "--dry-run",
        "--skip-action", "publish:github");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("step fetch (fetch:template): completed")
        .contains("step publish (publish:github): skipped").contains("  README.md")
        .contains("link: Docs https://example.com/payments");
  }

  @Test
  void scaffold_out_writesRenderedFiles() {
    Path target = dir.resolve("generated");
    int code = run("scaffold", template.toString(), "--values", values.toString(), "--out", target.toString(),
        "--skip-action", "publish:github");
    assertThat(code).isZero();
    assertThat(target.resolve("README.md")).hasContent("# payments");
  }

  @Test
  void scaffold_jsonFormat_includesContents() {
    int code = run("scaffold", template.toString(), "--values", values.toString(), "--dry-run", "--format", "json",
        "--skip-action", "publish:github");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("\"path\" : \"README.md\"").contains("\"content\" : \"# payments\\n\"")
        .contains("\"succeeded\" : true");
  }

  @Test
  void scaffold_unknownAction_exitsOneWithPosition() {
    int code = run("scaffold", template.toString(), "--values", values.toString(), "--dry-run");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains(template + ":19:")
        .contains("spec.steps[1].action: unknown action 'publish:github'");
  }

  private Path unknownFilterTemplate() throws IOException {
    return Files.writeString(dir.resolve("filter.yaml"), """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: t
        spec:
          type: service
          steps:
            - id: log
              action: debug:log
              input:
                message: ${{ parameters.name | nosuchfilter }}
        """, StandardCharsets.UTF_8);
  }

  @Test
  void scaffold_strictUnknownFilter_printsTheErrorOnce() throws IOException {
    Path t = unknownFilterTemplate();
    int code = run("scaffold", t.toString(), "--dry-run", "--strict");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("error: log: " + t + ":11:18: template:default/t: spec.steps[0].input.message: "
        + "cannot render ${{ parameters.name | nosuchfilter }}: unknown filter 'nosuchfilter'" + System.lineSeparator());
  }

  @Test
  void scaffold_lenientUnknownFilter_printsOneLocatedWarning() throws IOException {
    Path t = unknownFilterTemplate();
    int code = run("scaffold", t.toString(), "--dry-run");
    assertThat(code).isZero();
    assertThat(err.toString()).isEqualTo("warn: " + t + ":11:18: template:default/t: spec.steps[0].input.message: "
        + "kept the text as written, it cannot be rendered: unknown filter 'nosuchfilter'" + System.lineSeparator());
  }

  @Test
  void scaffold_missingRequiredValue_exitsOne() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "{}\n", StandardCharsets.UTF_8);
    int code = run("scaffold", template.toString(), "--values", empty.toString(), "--dry-run",
        "--skip-action", "publish:github");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo(template + ":10:13: template:default/cli-demo: parameters.name: expected a "
        + "value (required), found nothing" + System.lineSeparator());
  }

  @Test
  void scaffold_withoutOutOrDryRun_isUsageError() {
    assertThat(run("scaffold", template.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("give --out DIR, or --dry-run");
  }

  @Test
  void scaffold_catalogAndUser_areVisibleToTheTemplate() throws IOException {
    Path org = Files.writeString(dir.resolve("org.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team-a}
        spec: {type: team, children: []}
        """, StandardCharsets.UTF_8);
    Path t = Files.writeString(dir.resolve("tpl/fetch.yaml"), """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: fetcher}
        spec:
          type: service
          steps:
            - id: owner
              action: catalog:fetch
              input: {entityRef: group:team-a}
          output:
            text:
              - title: owner
                content: ${{ steps.owner.output.entity.metadata.name }} for ${{ user.ref }}
        """, StandardCharsets.UTF_8);
    int code = run("scaffold", t.toString(), "--dry-run", "--catalog", org.toString(), "--user-ref", "user:default/jo");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("text: owner\nteam-a for user:default/jo");
  }
}
