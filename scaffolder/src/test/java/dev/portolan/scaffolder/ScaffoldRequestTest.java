package dev.portolan.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffoldRequestTest {

  @TempDir Path dir;

  @Test
  void factories_copyValuesAndSetModes() throws IOException {
    Path t = Files.writeString(dir.resolve("t.yaml"), """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: x}
        spec: {type: service, steps: []}
        """, StandardCharsets.UTF_8);
    Template template = Scaffolder.builder().build().loadTemplate(t);
    ObjectNode values = (ObjectNode) ScaffolderTest.json("{\"a\":1}");
    ScaffoldRequest dry = ScaffoldRequest.dryRun(template, values);
    values.put("a", 2);
    assertThat(dry.values().get("a").asInt()).isEqualTo(1);
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.outputDirectory()).isEmpty();
    ScaffoldRequest into = ScaffoldRequest.into(template, values, dir).withSecrets(Map.of("k", "v"))
        .withUser(ScaffolderTest.json("{\"ref\":\"user:default/jo\"}"));
    assertThat(into.dryRun()).isFalse();
    assertThat(into.outputDirectory()).contains(dir);
    assertThat(into.secrets()).containsEntry("k", "v");
    assertThat(into.user().get("ref").asText()).isEqualTo("user:default/jo");
  }

  @Test
  void mapFactories_plainJavaData_becomeJson() throws IOException {
    Path t = Files.writeString(dir.resolve("t.yaml"), """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: x}
        spec: {type: service, steps: []}
        """, StandardCharsets.UTF_8);
    Template template = Scaffolder.builder().build().loadTemplate(t);
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("name", "svc");
    values.put("port", 8080);
    values.put("ratio", 0.5);
    values.put("tags", java.util.List.of("a", "b"));
    values.put("nested", Map.of("on", true));
    values.put("none", null);
    ScaffoldRequest r = ScaffoldRequest.dryRun(template, values)
        .withUser(Map.of("ref", "user:default/jo", "entity", Map.of("kind", "User")))
        .withSecrets(ScaffolderTest.json("{\"token\":\"s3cr3t\"}"));
    assertThat(r.values()).isEqualTo(ScaffolderTest.json(
        "{\"name\":\"svc\",\"port\":8080,\"ratio\":0.5,\"tags\":[\"a\",\"b\"],\"nested\":{\"on\":true},\"none\":null}"));
    assertThat(r.user().path("entity").path("kind").asText()).isEqualTo("User");
    assertThat(r.secrets()).containsExactly(Map.entry("token", "s3cr3t"));
    assertThat(ScaffoldRequest.into(template, Map.of("a", 1), dir).withValues(Map.of("b", 2)).values())
        .isEqualTo(ScaffolderTest.json("{\"b\":2}"));
  }

  @Test
  void mapFactories_nonDataValues_areRefusedWithTheirPath() throws IOException {
    Path t = Files.writeString(dir.resolve("t.yaml"), """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: x}
        spec: {type: service, steps: []}
        """, StandardCharsets.UTF_8);
    Template template = Scaffolder.builder().build().loadTemplate(t);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScaffoldRequest.dryRun(template,
        Map.of("owner", Map.of("since", java.time.LocalDate.of(2026, 1, 1)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values.owner.since: expected plain data (map, list, string, number, boolean or null), found "
            + "java.time.LocalDate");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScaffoldRequest.dryRun(template, Map.of("x", 1))
        .withSecrets(ScaffolderTest.json("{\"token\":1}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("secrets.token: expected a string, found NUMBER");
  }
}
