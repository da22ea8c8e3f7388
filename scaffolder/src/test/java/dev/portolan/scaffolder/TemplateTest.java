package dev.portolan.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.catalog.model.FieldPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateTest {

  @TempDir Path dir;

  @Test
  void load_defaultsStepIdsNamesAndSinglePage() throws IOException {
    Path t = Files.writeString(dir.resolve("t.yaml"), """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: demo
          namespace: tools
        spec:
          type: service
          parameters:
            properties:
              name: {type: string}
          steps:
            - action: debug:log
            - id: second
              name: Second
              action: debug:log
              if: ${{ parameters.name }}
        """, StandardCharsets.UTF_8);
    Template template = Scaffolder.builder().build().loadTemplate(t);
    assertThat(template.ref()).isEqualTo("template:tools/demo");
    assertThat(template.parameterPages()).hasSize(1);
    assertThat(template.steps()).extracting(Template.Step::id).containsExactly("step-1", "second");
    assertThat(template.steps()).extracting(Template.Step::name).containsExactly("debug:log", "Second");
    assertThat(template.steps().get(1).condition()).isPresent();
    assertThat(template.position(FieldPath.of("spec", "steps").index(1).key("action")))
        .hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(15));
    assertThat(template.baseDirectory()).contains(dir.toAbsolutePath());
  }

  @Test
  void load_yamlPlaceholders_areResolvedNextToTheTemplate() throws IOException {
    Files.writeString(dir.resolve("steps.yaml"), "- action: debug:log\n  input: {message: shared}\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("params.json"), "{\"properties\":{\"a\":{\"type\":\"string\"}}}",
        StandardCharsets.UTF_8);
    Path t = Files.writeString(dir.resolve("t.yaml"), """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: demo
        spec:
          type: service
          parameters:
            $json: ./params.json
          steps:
            $yaml: ./steps.yaml
        """, StandardCharsets.UTF_8);
    Template template = Scaffolder.builder().build().loadTemplate(t);
    assertThat(template.steps()).hasSize(1);
    assertThat(template.steps().get(0).input().get("message").asText()).isEqualTo("shared");
    assertThat(template.parameterPages().get(0).path("properties").has("a")).isTrue();
  }

  @Test
  void load_placeholderOutsideTemplateDirectory_isRefused() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("secret.yaml"), "x: 1\n", StandardCharsets.UTF_8);
    Path t = Files.writeString(sub.resolve("t.yaml"), """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: demo
        spec:
          type: service
          steps:
            $yaml: ../secret.yaml
        """, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Scaffolder.builder().build().loadTemplate(t))
        .isInstanceOf(ScaffolderException.class)
        .hasMessageContaining("spec.steps: $yaml placeholder ../secret.yaml points outside");
  }

  @Test
  void load_stepWithoutAction_namesTheField() throws IOException {
    Path t = Files.writeString(dir.resolve("t.yaml"), """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: demo
        spec:
          type: service
          steps:
            - id: x
              input: {}
        """, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Scaffolder.builder().build().loadTemplate(t))
        .hasMessage(t + ":8:7: template:default/demo: spec.steps[0].action: expected an action id, found nothing");
  }
}
