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
}
