package dev.portolan.examples.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckReportsExampleTest {

  @TempDir Path repo;
  @TempDir Path reports;

  @Test
  void check_danglingOwner_failsAndWritesRelativeReports() throws IOException {
    Files.createDirectories(repo.resolve("orders"));
    Files.writeString(repo.resolve("orders/catalog-info.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: orders}
        spec: {type: service, lifecycle: production, owner: ghosts}
        """);

    boolean ok = CheckReportsExample.check(repo, reports);

    assertThat(ok).isFalse();
    JsonNode sarif = new ObjectMapper().readTree(reports.resolve("check.sarif").toFile());
    JsonNode artifact = sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
    assertThat(artifact.get("uri").asText()).isEqualTo("orders/catalog-info.yaml");
    assertThat(artifact.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(Files.readString(reports.resolve("TEST-catalog-check.xml")))
        .contains("<testcase classname=\"portolan/dangling-relation\" name=\"component:default/orders\" "
            + "file=\"orders/catalog-info.yaml\"><failure type=\"portolan/dangling-relation\"");
    assertThat(new ObjectMapper().readTree(reports.resolve("check.json").toFile()).get("errors").asInt())
        .isEqualTo(1);
  }

  @Test
  void check_consistentCatalog_passes() throws IOException {
    Files.writeString(repo.resolve("catalog-info.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team-a}
        spec: {type: team, children: []}
        """);

    assertThat(CheckReportsExample.check(repo, reports)).isTrue();
    assertThat(reports.resolve("check.sarif")).isRegularFile();
  }
}
