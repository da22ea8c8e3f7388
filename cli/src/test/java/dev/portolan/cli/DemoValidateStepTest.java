package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoValidateStepTest {

  @Test
  void run_invalidEntity_listsLocatedProblemsAndFails(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("catalog"));
    Files.writeString(root.resolve("catalog/broken.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: payments-service
        spec:
          type: service
          owner: team-payments
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: team-payments
        spec:
          type: team
          children: []
        """);
    DemoSample sample = new DemoSample(root, List.of("catalog/broken.yaml"));
    StringWriter out = new StringWriter();

    boolean passed = new DemoValidateStep().run(new DemoContext(sample, new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true), root, DemoContext.DEMO_CLOCK));

    assertThat(passed).isFalse();
    assertThat(out.toString())
        .contains("Read 2 entities from 1 files:")
        .containsPattern("\\n  Component +1 +0 +1\\n")
        .containsPattern("\\n  Group +1 +1 +0\\n")
        .containsPattern("\\n  group:default/team-payments +1  Component 1\\n")
        .contains("1 of 2 entities are invalid")
        .containsPattern("\\n  catalog/broken\\.yaml:\\d+:\\d+: component:default/payments-service: .*lifecycle.*\\n")
        .doesNotContain(root.toString());
  }
}
