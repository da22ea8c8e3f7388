package dev.portolan.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffolderTest {

  static final ObjectMapper M = new ObjectMapper();
  static final Scaffolder SCAFFOLDER = Scaffolder.builder().build();

  @TempDir Path dir;

  static JsonNode json(String s) {
    try {
      return M.readTree(s);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  Path write(String rel, String content) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  Path template(String steps) throws IOException {
    return write("template.yaml", """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: demo
        spec:
          type: service
          parameters:
            - title: Basics
              required: [name]
              properties:
                name:
                  type: string
                  ui:field: EntityNamePicker
                port:
                  type: number
                  default: 8080
                extra:
                  type: boolean
                  default: false
        """ + steps);
  }

  static Map<String, String> files(ScaffoldResult r) {
    return r.files().stream().collect(Collectors.toMap(ScaffoldResult.GeneratedFile::path,
        ScaffoldResult.GeneratedFile::text));
  }

  @Test
  void run_fetchTemplate_rendersContentsNamesAndConditionalEntries() throws IOException {
    write("skeleton/${{ values.name }}/README.md", "# ${{ values.name }} on ${{ values.port }}\n{{ helm }}\n");
    write("skeleton/${{ 'extra.txt' if values.extra }}", "extra");
    write("skeleton/.github/workflows/ci.yml", "sha: ${{ github.sha }}\n");
    Files.write(dir.resolve("skeleton/logo.bin"), new byte[] {0, 1, 2, '$', '{', '{'});
    Path t = template("""
          steps:
            - id: fetch
              action: fetch:template
              input:
                url: ./skeleton
                copyWithoutTemplating: [.github/workflows/]
                values:
                  name: ${{ parameters.name }}
                  port: ${{ parameters.port }}
                  extra: ${{ parameters.extra }}
          output:
            links:
              - title: Repo
                url: https://example.com/${{ parameters.name }}
              - title: Hidden
                url: x
                if: ${{ parameters.extra }}
        """);
    Template template = SCAFFOLDER.loadTemplate(t);
    ScaffoldResult r = SCAFFOLDER.run(ScaffoldRequest.dryRun(template, json("{\"name\":\"svc\"}")));

    assertThat(r.error()).isEmpty();
    Map<String, String> files = files(r);
    assertThat(files).containsOnlyKeys("svc/README.md", ".github/workflows/ci.yml", "logo.bin");
    assertThat(files.get("svc/README.md")).isEqualTo("# svc on 8080\n{{ helm }}\n");
    assertThat(files.get(".github/workflows/ci.yml")).isEqualTo("sha: ${{ github.sha }}\n");
    assertThat(r.output()).isEqualTo(json("{\"links\":[{\"title\":\"Repo\",\"url\":\"https://example.com/svc\"}]}"));
  }

  @Test
  void run_intoDirectory_writesFilesAndDryRunWritesNothing() throws IOException {
    write("skeleton/a.txt", "${{ values.n }}");
    Path t = template("""
          steps:
            - action: fetch:template
              input:
                url: ./skeleton
                values:
                  n: ${{ parameters.name }}
        """);
    Template template = SCAFFOLDER.loadTemplate(t);
    Path out = dir.resolve("out");
    ScaffoldResult r = SCAFFOLDER.run(ScaffoldRequest.into(template, json("{\"name\":\"x\"}"), out));
    assertThat(r.succeeded()).isTrue();
    assertThat(out.resolve("a.txt")).hasContent("x");

    Path out2 = dir.resolve("out2");
    SCAFFOLDER.run(new ScaffoldRequest(template, json("{\"name\":\"x\"}"), Map.of(), null,
        java.util.Optional.of(out2), true, "t"));
    assertThat(out2).doesNotExist();
  }

  @Test
  void run_stepsWithIfEachAndOutputs_followBackstageRules() throws IOException {
    Path t = template("""
          steps:
            - id: skipped
              if: ${{ parameters.extra }}
              action: fs:readdir
              input:
                paths: [.]
            - id: write
              each: ${{ ['a', 'b'] }}
              action: catalog:write
              input:
                filePath: ${{ each.value }}.yaml
                entity:
                  kind: Component
                  port: ${{ parameters.port }}
                  gone: ${{ parameters.missing }}
                  skippedOutput: ${{ steps.skipped.output.files }}
            - id: list
              action: fs:readdir
              input:
                paths: [.]
          output:
            count: ${{ steps.list.output.files | length }}
            text:
              - title: names
                content: ${{ steps.list.output.files | join(',', 'name') }}
        """);
    ScaffoldResult r = SCAFFOLDER.run(ScaffoldRequest.dryRun(SCAFFOLDER.loadTemplate(t), json("{\"name\":\"x\"}")));
    assertThat(r.error()).isEmpty();
    assertThat(r.steps()).extracting(ScaffoldResult.StepResult::status).containsExactly("skipped", "completed",
        "completed");
    assertThat(files(r).get("a.yaml")).isEqualTo("kind: Component\nport: 8080\n");
    assertThat(r.output().get("count")).isEqualTo(json("2"));
    assertThat(r.output().get("text").get(0).get("content").asText()).isEqualTo("a.yaml,b.yaml");
  }

  @Test
  void run_transformedSecret_isRedactedFromLogAndOutput() throws IOException {
    Path t = template("""
          steps:
            - id: log
              action: debug:log
              input:
                message: token=${{ secrets.token | replace("a", "-a") }} plain=${{ secrets.token }}
        """);
    ScaffoldResult r = SCAFFOLDER.run(ScaffoldRequest.dryRun(SCAFFOLDER.loadTemplate(t), json("{\"name\":\"x\"}"))
        .withSecrets(Map.of("token", "banana")));
    String all = r.log().toString() + r.output() + r.steps();
    assertThat(all).doesNotContain("banana").doesNotContain("b-an-an-a").contains("\"message\":\"***\"");
  }

  @Test
  void run_unknownAction_failsBeforeAnyStepWithPosition() throws IOException {
    Path t = template("""
          steps:
            - action: debug:log
              input: {message: hi}
            - action: publish:nowhere
        """);
    Template template = SCAFFOLDER.loadTemplate(t);
    assertThatThrownBy(() -> SCAFFOLDER.run(ScaffoldRequest.dryRun(template, json("{\"name\":\"x\"}"))))
        .isInstanceOf(ScaffolderException.class)
        .hasMessageStartingWith(t + ":23:")
        .hasMessageContaining("template:default/demo: spec.steps[1].action: unknown action 'publish:nowhere'");
  }

  @Test
  void run_invalidValues_areRefusedWithEveryProblem() throws IOException {
    Path t = template("""
          steps: []
        """);
    Template template = SCAFFOLDER.loadTemplate(t);
    assertThatThrownBy(() -> SCAFFOLDER.run(ScaffoldRequest.dryRun(template, json("{\"port\":\"high\"}"))))
        .isInstanceOfSatisfying(ParameterValidationException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(t + ":12:11: template:default/demo: parameters.name: expected a value "
              + "(required), found nothing\n" + t + ":15:11: template:default/demo: parameters.port: expected number, "
              + "found \"high\"");
          assertThat(e.problems()).hasSize(2);
          ScaffolderException port = e.problems().get(1);
          assertThat(port.file()).isEqualTo(t.toString());
          assertThat(port.position()).hasValueSatisfying(pos -> assertThat(pos.line()).isEqualTo(15));
          assertThat(port.templateRef()).isEqualTo("template:default/demo");
          assertThat(port.fieldPath()).isEqualTo("parameters.port");
          assertThat(port.detail()).isEqualTo("expected number, found \"high\"");
          assertThat(e.fieldPath()).isEqualTo("parameters.name");
        });
  }

  @Test
  void run_nestedAndListValues_areNamedByTheirOwnFieldPath() throws IOException {
    Path t = write("template.yaml", """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: demo
        spec:
          type: service
          parameters:
            properties:
              repo:
                type: object
                properties:
                  name:
                    type: string
                    pattern: '^[a-z-]+$'
              tags:
                type: array
                items:
                  type: string
                  enum: [java, go]
          steps: []
        """);
    Template template = SCAFFOLDER.loadTemplate(t);
    assertThatThrownBy(() -> SCAFFOLDER.run(ScaffoldRequest.dryRun(template,
        Map.of("repo", Map.of("name", "Bad Name"), "tags", List.of("java", "rust")))))
        .isInstanceOfSatisfying(ParameterValidationException.class, e -> assertThat(e.problems())
            .extracting(ScaffolderException::getMessage).containsExactly(
                t + ":13:13: template:default/demo: parameters.repo.name: expected a string matching ^[a-z-]+$, "
                    + "found \"Bad Name\"",
                t + ":18:11: template:default/demo: parameters.tags[1]: expected one of [\"java\", \"go\"], found \"rust\""));
  }

  @Test
  void loadTemplate_fromTextStreamOrResource_namesTheSourceAndResolvesUrlsAgainstTheBase() throws IOException {
    write("skeleton/README.md", "# ${{ values.name }}\n");
    String yaml = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: demo
        spec:
          type: service
          steps:
            - id: fetch
              action: fetch:template
              input:
                url: ./skeleton
                values:
                  name: ${{ parameters.name }}
        """;
    Template fromText = SCAFFOLDER.loadTemplate(yaml, "templates/demo.yaml", dir);
    assertThat(fromText.source()).isEqualTo("templates/demo.yaml");
    assertThat(fromText.file()).isEmpty();
    assertThat(files(SCAFFOLDER.run(ScaffoldRequest.dryRun(fromText, Map.of("name", "svc")))))
        .containsEntry("README.md", "# svc\n");

    Template fromStream = SCAFFOLDER.loadTemplate(new java.io.ByteArrayInputStream(
        yaml.getBytes(StandardCharsets.UTF_8)), "stream.yaml", dir);
    assertThat(files(SCAFFOLDER.run(ScaffoldRequest.dryRun(fromStream, Map.of("name", "x")))))
        .containsEntry("README.md", "# x\n");

    ScaffoldResult noBase = SCAFFOLDER.run(ScaffoldRequest.dryRun(SCAFFOLDER.loadTemplate(yaml, "inline.yaml"),
        Map.of("name", "x")));
    assertThat(noBase.error()).hasValueSatisfying(e -> assertThat(e).startsWith("inline.yaml:11:")
        .contains("spec.steps[0].input.url: cannot resolve url './skeleton': the template was loaded without a "
            + "base directory"));

    assertThatThrownBy(() -> SCAFFOLDER.loadTemplate("kind: Template\nmetadata: [", "broken.yaml", dir))
        .isInstanceOf(ScaffolderException.class).hasMessageStartingWith("broken.yaml:");

    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null)) {
      write("template.yaml", yaml);
      Template fromResource = SCAFFOLDER.loadTemplateResource(loader, "template.yaml");
      assertThat(fromResource.baseDirectory()).contains(dir.toRealPath());
      assertThat(files(SCAFFOLDER.run(ScaffoldRequest.dryRun(fromResource, Map.of("name", "r")))))
          .containsEntry("README.md", "# r\n");
      assertThatThrownBy(() -> SCAFFOLDER.loadTemplateResource(loader, "missing.yaml"))
          .isInstanceOf(ScaffolderException.class)
          .hasMessage("missing.yaml: expected a classpath resource, found nothing");
    }
  }

  @Test
  void run_emailFormat_acceptsAnyTopLevelDomainAsBackstageDoes() throws IOException {
    Path t = write("template.yaml", """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: demo
        spec:
          type: service
          parameters:
            properties:
              email:
                type: string
                format: email
          steps: []
        """);
    Template template = SCAFFOLDER.loadTemplate(t);
    assertThat(SCAFFOLDER.run(ScaffoldRequest.dryRun(template, json("{\"email\":\"ops@acme.example\"}")))
        .succeeded()).isTrue();
    assertThatThrownBy(() -> SCAFFOLDER.run(ScaffoldRequest.dryRun(template, json("{\"email\":\"ops at acme\"}"))))
        .isInstanceOf(ScaffolderException.class).hasMessageContaining("email");
  }

  @Test
  void run_unrenderableInput_keepsTextByDefaultAndFailsWhenStrict() throws IOException {
    Path t = template("""
          steps:
            - id: log
              action: debug:log
              input:
                message: ${{ parameters.name | nosuchfilter }}
        """);
    Template template = SCAFFOLDER.loadTemplate(t);
    ScaffoldResult lenient = SCAFFOLDER.run(ScaffoldRequest.dryRun(template, json("{\"name\":\"x\"}")));
    assertThat(lenient.succeeded()).isTrue();
    assertThat(lenient.log()).anySatisfy(e -> assertThat(e.message()).contains("unknown filter 'nosuchfilter'"));
    assertThat(lenient.log()).anySatisfy(e -> assertThat(e.message())
        .contains("${{ parameters.name | nosuchfilter }}"));

    ScaffoldResult strict = Scaffolder.builder().strictRendering(true).build()
        .run(ScaffoldRequest.dryRun(template, json("{\"name\":\"x\"}")));
    assertThat(strict.error()).hasValueSatisfying(e -> assertThat(e)
        .contains("spec.steps[0].input.message: cannot render").contains("unknown filter 'nosuchfilter'"));
  }

  @Test
  void run_failedStep_skipsLaterStepsUnlessTheyAskForAlways() throws IOException {
    Path t = template("""
          steps:
            - id: bad
              action: fs:rename
              input:
                files: [{from: missing.txt, to: b.txt}]
            - id: after
              action: debug:log
              input: {message: after}
            - id: cleanup
              if: ${{ always() }}
              action: debug:log
              input: {message: cleanup}
        """);
    ScaffoldResult r = SCAFFOLDER.run(ScaffoldRequest.dryRun(SCAFFOLDER.loadTemplate(t), json("{\"name\":\"x\"}")));
    assertThat(r.succeeded()).isFalse();
    assertThat(r.error().orElseThrow()).startsWith(t + ":").contains("template:default/demo: spec.steps[0].input: ")
        .contains("cannot rename missing.txt: it does not exist");
    assertThat(r.steps()).extracting(ScaffoldResult.StepResult::status).containsExactly("failed", "skipped",
        "completed");
  }

  @Test
  void run_customActionAndFilter_areUsed() throws IOException {
    Path t = template("""
          steps:
            - id: mine
              action: acme:hello
              input:
                who: ${{ parameters.name | shout }}
          output:
            greeting: ${{ steps.mine.output.greeting }}
        """);
    Scaffolder s = Scaffolder.builder()
        .filter("shout", (in, args) -> TextNode.valueOf(in.asText().toUpperCase()))
        .action(new ScaffolderAction() {
          @Override
          public String id() {
            return "acme:hello";
          }

          @Override
          public void handle(ActionContext ctx) {
            ctx.output("greeting", TextNode.valueOf("hello " + ctx.input().get("who").asText()));
          }
        }).build();
    ScaffoldResult r = s.run(ScaffoldRequest.dryRun(s.loadTemplate(t), json("{\"name\":\"x\"}")));
    assertThat(r.output()).isEqualTo(json("{\"greeting\":\"hello X\"}"));
  }

  @Test
  void loadTemplate_wrongApiVersion_namesFileLineAndField() throws IOException {
    Path t = write("bad.yaml", "apiVersion: backstage.io/v1beta2\nkind: Template\nmetadata:\n  name: x\nspec: {}\n");
    assertThatThrownBy(() -> SCAFFOLDER.loadTemplate(t))
        .isInstanceOf(ScaffolderException.class)
        .hasMessage(t + ":1:13: template:default/x: apiVersion: expected apiVersion scaffolder.backstage.io/v1beta3,"
            + " found \"backstage.io/v1beta2\"");
  }

  @Test
  void renderValue_soleExpression_keepsType() {
    assertThat(SCAFFOLDER.renderValue("${{ parameters.list }}", json("{\"parameters\":{\"list\":[1,2]}}")))
        .isEqualTo(json("[1,2]"));
    assertThat(SCAFFOLDER.render("${{ 'a/b' | replace('/', '-') }}", json("{}"))).isEqualTo("a-b");
    assertThat(SCAFFOLDER.renderValue("${{ 'github.com?owner=o&repo=r' | parseRepoUrl }}", json("{}")))
        .isEqualTo(json("{\"host\":\"github.com\",\"owner\":\"o\",\"repo\":\"r\"}"));
    assertThat(List.of(SCAFFOLDER.renderNunjucks("{{ 1 + 1 }}", json("{}")))).containsExactly("2");
  }

  @Test
  void run_actionThrowingUnexpectedly_failsTheStepCleanly() throws IOException {
    Path t = template("""
          steps:
            - id: boom
              action: acme:boom
        """);
    Scaffolder s = Scaffolder.builder().action(new ScaffolderAction() {
      @Override
      public String id() {
        return "acme:boom";
      }

      @Override
      public void handle(ActionContext ctx) {
        throw new IllegalStateException("broken action");
      }
    }).build();
    ScaffoldResult r = s.run(ScaffoldRequest.dryRun(s.loadTemplate(t), json("{\"name\":\"x\"}")));
    assertThat(r.error()).hasValueSatisfying(e -> assertThat(e)
        .contains("spec.steps[0]: step boom (acme:boom) failed: IllegalStateException: broken action"));
  }

  @Test
  void run_fetchTemplateOptions_followBackstage() throws IOException {
    write("ext/${{ values.n }}.txt.njk", "rendered ${{ values.n }}");
    write("ext/plain.txt", "kept ${{ values.n }}");
    write("cwr/${{ values.n }}/raw.txt", "raw ${{ values.n }}");
    write("cwr/other.txt", "other ${{ values.n }}");
    write("cwr/globbed/deep.txt", "deep ${{ values.n }}");
    write("one.txt", "{% if values.n %}\n  hi ${{ values.n }}\n{% endif %}\n");
    Path t = template("""
          steps:
            - action: fetch:template
              input:
                url: ./ext
                templateFileExtension: true
                values: {n: a}
            - action: fetch:template
              input:
                url: ./cwr
                targetPath: cwr
                copyWithoutRender: ["${{ '${{ values.n }}' }}", "glob*/"]
                values: {n: b}
            - action: fetch:template
              input:
                url: ./ext
                values: {n: second}
            - action: fetch:template:file
              input:
                url: ./one.txt
                targetPath: docs/one.txt
                trimBlocks: true
                lstripBlocks: true
                values: {n: c}
        """);
    ScaffoldResult r = SCAFFOLDER.run(ScaffoldRequest.dryRun(SCAFFOLDER.loadTemplate(t), json("{\"name\":\"x\"}")));
    assertThat(r.error()).isEmpty();
    Map<String, String> files = files(r);
    assertThat(files).containsEntry("a.txt", "rendered a")
        .containsEntry("plain.txt", "kept ${{ values.n }}")
        .containsEntry("cwr/${{ values.n }}/raw.txt", "raw ${{ values.n }}")
        // a glob matching a directory does not bring its contents (globby expands only a named directory)
        .containsEntry("cwr/globbed/deep.txt", "deep b")
        .containsEntry("cwr/other.txt", "other b")
        .containsEntry("docs/one.txt", "  hi c\n")
        .containsEntry("second.txt.njk", "rendered second");
  }

  @Test
  void run_fetchTemplateConflictingOptions_failWithClearError() throws IOException {
    write("s/a.txt", "x");
    Path t = template("""
          steps:
            - action: fetch:template
              input:
                url: ./s
                templateFileExtension: .njk
                cookiecutterCompat: true
        """);
    ScaffoldResult r = SCAFFOLDER.run(ScaffoldRequest.dryRun(SCAFFOLDER.loadTemplate(t), json("{\"name\":\"x\"}")));
    assertThat(r.error()).hasValueSatisfying(e -> assertThat(e)
        .contains("templateFileExtension cannot be used with cookiecutterCompat"));
  }

  @Test
  void run_logLines_areStampedByTheInjectedClock() throws IOException {
    java.time.Instant at = java.time.Instant.parse("2026-01-02T03:04:05Z");
    Scaffolder s = Scaffolder.builder().clock(java.time.Clock.fixed(at, java.time.ZoneOffset.UTC)).build();
    Path t = template("""
          steps:
            - action: debug:log
              input: {message: hi}
        """);
    ScaffoldResult r = s.run(ScaffoldRequest.dryRun(s.loadTemplate(t), json("{\"name\":\"x\"}")));
    assertThat(r.log()).isNotEmpty().allSatisfy(e -> assertThat(e.at()).isEqualTo(at));
  }

  @Test
  void run_workspaceTemplate_rendersFromTheWorkspace() throws IOException {
    write("skel/${{ values.n }}.md", "# ${{ values.n }}");
    Path t = template("""
          steps:
            - action: fetch:plain
              input: {url: ./skel, targetPath: templates}
            - action: workspace:template
              input: {sourcePath: templates, targetPath: out, values: {n: doc}}
            - action: workspace:template:file
              input: {sourcePath: "templates/${{ '${{ values.n }}' }}.md", targetPath: single.md, values: {n: one}}
            - action: workspace:template
              input: {sourcePath: templates, targetPath: templates/inner}
        """);
    ScaffoldResult r = SCAFFOLDER.run(ScaffoldRequest.dryRun(SCAFFOLDER.loadTemplate(t), json("{\"name\":\"x\"}")));
    assertThat(files(r)).containsEntry("out/doc.md", "# doc").containsEntry("single.md", "# one");
    assertThat(r.error()).hasValueSatisfying(e -> assertThat(e).contains("must not be inside the template directory"));
  }

  @Test
  void run_defaultEnvironment_isVisibleAndItsSecretsRedacted() throws IOException {
    Scaffolder s = Scaffolder.builder().defaultEnvironment(json("{\"region\":\"eu\"}"), Map.of("key", "s3cr3t"))
        .build();
    Path t = template("""
          steps:
            - id: log
              action: debug:log
              input:
                message: ${{ environment.parameters.region }} ${{ environment.secrets.key | upper }}
          output:
            region: ${{ environment.parameters.region }}
            leak: ${{ environment.secrets.key }}
        """);
    ScaffoldResult r = s.run(ScaffoldRequest.dryRun(s.loadTemplate(t), json("{\"name\":\"x\"}")));
    assertThat(r.output()).isEqualTo(json("{\"region\":\"eu\"}"));
    assertThat(r.log().toString()).doesNotContain("s3cr3t").doesNotContain("S3CR3T");
  }

  @Test
  void run_failureFunction_runsOnlyAfterAFailedStep() throws IOException {
    Path ok = template("""
          steps:
            - action: debug:log
              input: {message: fine}
            - id: onFailure
              if: ${{ failure() }}
              action: debug:log
              input: {message: cleanup}
        """);
    ScaffoldResult r = SCAFFOLDER.run(ScaffoldRequest.dryRun(SCAFFOLDER.loadTemplate(ok), json("{\"name\":\"x\"}")));
    assertThat(r.steps()).extracting(ScaffoldResult.StepResult::status).containsExactly("completed", "skipped");
  }

  @Test
  void run_secretsSchema_isEnforcedWithoutPrintingValues() throws IOException {
    Path t = write("secret-template.yaml", """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: sec
        spec:
          type: service
          secrets:
            schema:
              type: object
              required: [token]
              properties:
                token: {type: string, minLength: 8}
          steps: []
        """);
    Template template = SCAFFOLDER.loadTemplate(t);
    assertThatThrownBy(() -> SCAFFOLDER.run(ScaffoldRequest.dryRun(template, json("{}"))
        .withSecrets(Map.of("other", "x"))))
        .isInstanceOf(ScaffolderException.class)
        .hasMessageContaining("spec.secrets.schema: the secrets do not match the schema")
        .hasMessageContaining("token");
    assertThatThrownBy(() -> SCAFFOLDER.run(ScaffoldRequest.dryRun(template, json("{}"))
        .withSecrets(Map.of("token", "short"))))
        .hasMessageNotContaining("short");
    assertThat(SCAFFOLDER.run(ScaffoldRequest.dryRun(template, json("{}")).withSecrets(Map.of("token", "long-enough")))
        .succeeded()).isTrue();
  }

  @Test
  void run_conditionalSchemaDefaults_followTheSelectedBranch() throws IOException {
    Path t = write("cond.yaml", """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: cond
        spec:
          type: service
          parameters:
            - title: Database
              properties:
                db: {type: string, enum: [postgres, none], default: postgres}
              dependencies:
                db:
                  oneOf:
                    - properties:
                        db: {enum: [postgres]}
                        version: {type: string, default: "16"}
                    - properties:
                        db: {enum: [none]}
            - title: Region
              properties:
                cloud: {type: string}
              if:
                properties: {cloud: {const: aws}}
              then:
                properties: {region: {type: string, default: eu-west-1}}
              else:
                properties: {region: {type: string, default: europe-west1}}
          steps: []
          output:
            version: ${{ parameters.version }}
            region: ${{ parameters.region }}
        """);
    Template template = SCAFFOLDER.loadTemplate(t);
    assertThat(SCAFFOLDER.run(ScaffoldRequest.dryRun(template, json("{\"cloud\":\"aws\"}"))).output())
        .isEqualTo(json("{\"version\":\"16\",\"region\":\"eu-west-1\"}"));
    assertThat(SCAFFOLDER.run(ScaffoldRequest.dryRun(template, json("{\"db\":\"none\",\"cloud\":\"gcp\"}")))
        .output()).isEqualTo(json("{\"region\":\"europe-west1\"}"));
  }
}
