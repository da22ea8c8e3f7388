package dev.portolan.examples.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadAndQueryExampleTest {

  private static final String CATALOG = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: team-a}
      spec: {type: team, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: orders}
      spec: {type: service, lifecycle: production, owner: team-a, providesApis: [orders-api]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: checkout}
      spec: {type: website, lifecycle: production, owner: team-a, dependsOn: [component:orders]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: mobile}
      spec: {type: service, lifecycle: production, owner: team-a, dependsOn: [component:checkout]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: API
      metadata: {name: orders-api}
      spec: {type: openapi, lifecycle: production, owner: team-a, definition: "openapi: 3.0.0"}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: API
      metadata: {name: billing-api}
      spec: {type: grpc, lifecycle: production, owner: team-a, definition: "syntax = proto3"}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: API
      metadata: {name: audit-api}
      spec: {type: asyncapi, lifecycle: production, owner: team-a, definition: "asyncapi: 2.0.0"}
      """;

  @Test
  void report_smallCatalog_answersFiltersQueriesAndGraph(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("catalog-info.yaml"), CATALOG);

    List<String> report = LoadAndQueryExample.report(dir, "component:default/orders");

    assertThat(report).containsExactly(
        "7 entities, 0 errors",
        "services: component:default/mobile, component:default/orders",
        "first 2 of 3 APIs: [{\"metadata\":{\"name\":\"audit-api\"},\"spec\":{\"type\":\"asyncapi\"}},"
            + " {\"metadata\":{\"name\":\"billing-api\"},\"spec\":{\"type\":\"grpc\"}}]",
        "next page cursor present",
        "owners of component:default/orders: [group:default/team-a]",
        "breaks with component:default/orders: [component:default/checkout, component:default/mobile]");
  }

  @Test
  void report_brokenFile_reportsItAndLoadsTheRest(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("catalog-info.yaml"), CATALOG);
    Files.writeString(dir.resolve("broken.yaml"),
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: Bad Name\nspec: {type: service, lifecycle: production, owner: team-a}\n");

    List<String> report = LoadAndQueryExample.report(dir, "component:default/orders");

    assertThat(report.get(0)).isEqualTo("7 entities, 1 errors");
    assertThat(report.get(1)).contains("broken.yaml:4:").contains("metadata.name");
  }
}
