package dev.portolan.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.scaffolder.ScaffoldResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffoldResultAssertTest {

  private static final String TEMPLATE = """
      apiVersion: scaffolder.backstage.io/v1beta3
      kind: Template
      metadata:
        name: service
      spec:
        owner: group:team-a
        type: service
        parameters:
          - title: Service
            required: [name]
            properties:
              name: {type: string, pattern: '^[a-z-]+$'}
        steps:
          - id: fetch
            name: Fetch the skeleton
            action: fetch:template
            input:
              url: ./skeleton
              values:
                name: ${{ parameters.name }}
        output:
          text:
            - title: Done
              content: Created ${{ parameters.name }}
      """;

  @TempDir Path dir;
  private Path template;

  @BeforeEach
  void writeTemplate() throws IOException {
    template = dir.resolve("template.yaml");
    Files.writeString(template, TEMPLATE);
    Files.createDirectories(dir.resolve("skeleton"));
    Files.writeString(dir.resolve("skeleton/catalog-info.yaml"), "metadata:\n  name: ${{ values.name }}\n");
  }

  @Test
  void dryRunResource_templateOnTheClasspath_findsItsSkeleton() {
    ScaffoldResult result = ScaffoldResultAssert.dryRunResource("templates/greeting/template.yaml",
        Map.of("name", "Ada"));

    ScaffoldResultAssert.assertThat(result)
        .succeeded()
        .hasExactlyFiles("README.md")
        .hasFileContaining("README.md", "Hello, Ada!");
  }

  @Test
  void assertions_successfulRun_pass() {
    ScaffoldResult result = ScaffoldResultAssert.dryRun(template, Map.of("name", "orders"));

    ScaffoldResultAssert.assertThat(result)
        .succeeded()
        .hasExactlyFiles("catalog-info.yaml")
        .hasFile("catalog-info.yaml")
        .doesNotHaveFile("README.md")
        .hasFileContaining("catalog-info.yaml", "name: orders")
        .hasFileWithContent("catalog-info.yaml", "metadata:\n  name: orders\n")
        .hasOutput("/text/0/content", "Created orders");
  }

  @Test
  void hasFileContaining_wrongText_failsShowingTheFile() {
    ScaffoldResult result = ScaffoldResultAssert.dryRun(template, Map.of("name", "orders"));

    assertThatThrownBy(() -> ScaffoldResultAssert.assertThat(result)
        .hasFileContaining("catalog-info.yaml", "name: billing"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected file <catalog-info.yaml> to contain <name: billing>, but it was:"
            + System.lineSeparator() + "metadata:\n  name: orders\n");
  }

  @Test
  void hasFile_missingFile_failsListingTheWorkspace() {
    ScaffoldResult result = ScaffoldResultAssert.dryRun(template, Map.of("name", "orders"));

    assertThatThrownBy(() -> ScaffoldResultAssert.assertThat(result).hasFile("README.md"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a file <README.md> in the workspace, but it holds [catalog-info.yaml]")
        .hasMessageContaining("Step log:");
  }

  @Test
  void hasOutput_otherValue_failsWithBoth() {
    ScaffoldResult result = ScaffoldResultAssert.dryRun(template, Map.of("name", "orders"));

    assertThatThrownBy(() -> ScaffoldResultAssert.assertThat(result).hasOutput("/text/0/content", "Created x"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected output </text/0/content> to be <Created x>, but it was <Created orders>");
  }

  @Test
  void succeeded_failedStep_failsWithTheError() throws IOException {
    Path escaping = dir.resolve("escaping.yaml");
    Files.writeString(escaping, TEMPLATE.replace("action: fetch:template", "action: fs:delete")
        .replace("url: ./skeleton", "files: ['../outside.txt']"));
    ScaffoldResult result = ScaffoldResultAssert.dryRun(escaping, Map.of("name", "orders"));

    ScaffoldResultAssert.assertThat(result).failedWith("outside the workspace");
    assertThatThrownBy(() -> ScaffoldResultAssert.assertThat(result).succeeded())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the template run to succeed, but it failed: ");
  }

  @Test
  void failedWith_successfulRun_fails() {
    ScaffoldResult result = ScaffoldResultAssert.dryRun(template, Map.of("name", "orders"));

    assertThatThrownBy(() -> ScaffoldResultAssert.assertThat(result).failedWith("boom"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the template run to fail with <boom>, but it succeeded");
  }
}
