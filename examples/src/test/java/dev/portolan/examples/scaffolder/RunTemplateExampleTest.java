package dev.portolan.examples.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.scaffolder.ScaffoldResult;
import dev.portolan.scaffolder.ParameterValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTemplateExampleTest {

  @Test
  void run_dryRun_returnsRenderedFilesAndTheTicketOutput() {
    ScaffoldResult result = RunTemplateExample.run("Payments API", "group:payments", null);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.files()).extracting(ScaffoldResult.GeneratedFile::path)
        .containsExactlyInAnyOrder("README.md", "catalog-info.yaml");
    assertThat(file(result, "catalog-info.yaml")).contains("  name: payments-api\n", "  title: Payments API\n",
        "  owner: group:payments\n");
    assertThat(file(result, "README.md")).isEqualTo(
        "# Payments API\n\nOwned by `group:payments`, built with Java 17.\n");
    assertThat(result.steps()).extracting(ScaffoldResult.StepResult::id).containsExactly("fetch", "ticket");
    assertThat(result.output().at("/text/0/content").asText()).matches("PLATFORM-\\d+");
    assertThat(result.log()).anySatisfy(e -> assertThat(e.message()).startsWith("opened PLATFORM-")
        .endsWith(": Onboard payments-api"));
  }

  @Test
  void run_intoFolder_writesTheSameFiles(@TempDir Path out) throws IOException {
    ScaffoldResult result = RunTemplateExample.run("Search", "group:discovery", out);

    assertThat(result.succeeded()).isTrue();
    assertThat(Files.readString(out.resolve("catalog-info.yaml"))).contains("  name: search\n");
    assertThat(Files.readString(out.resolve("README.md"))).startsWith("# Search\n");
  }

  @Test
  void run_ownerNotAGroup_isRefusedBeforeAnyStepNamingTheField() {
    assertThatThrownBy(() -> RunTemplateExample.run("Search", "team-a", null))
        .isInstanceOfSatisfying(ParameterValidationException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          assertThat(e.getMessage()).endsWith("service/template.yaml:" + e.position().orElseThrow().line() + ":"
              + e.position().orElseThrow().column() + ": template:default/java-service: parameters.owner: expected "
              + "a string matching ^group:[a-z0-9-]+$, found \"team-a\"");
          assertThat(e.fieldPath()).isEqualTo("parameters.owner");
        });
  }

  private static String file(ScaffoldResult result, String path) {
    return result.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().text();
  }
}
