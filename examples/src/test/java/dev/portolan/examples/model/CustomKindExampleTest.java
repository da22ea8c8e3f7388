package dev.portolan.examples.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.model.DocumentResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomKindExampleTest {

  @Test
  void report_sampleDocuments_schemaAndJavaValidatorsLocateTheirProblems() {
    List<String> report = CustomKindExample.report();

    assertThat(report).hasSize(5);
    assertThat(report.get(0)).isEqualTo("product:default/checkout invalid");
    assertThat(report.get(1)).startsWith("  products.yaml:7:9: product:default/checkout: spec.tier: ")
        .contains("maximum value of 3");
    assertThat(report.get(2)).isEqualTo("costcentre:default/cc-42 invalid");
    assertThat(report.get(3)).isEqualTo("  products.yaml:14:9: costcentre:default/cc-42: spec.code: "
        + "expected a cost centre code like CC-42, found \"CC42\"");
    assertThat(report.get(4)).isEqualTo("product:default/search valid");
  }

  @Test
  void model_unregisteredKind_isRejectedNamingTheKind() {
    List<DocumentResult> results = CustomKindExample.model().validate("x.yaml", """
        apiVersion: acme.com/v1
        kind: Team
        metadata:
          name: a
        """);

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.valid()).isFalse();
      assertThat(r.violations().get(0).message()).startsWith("unknown kind \"Team\" with apiVersion \"acme.com/v1\"");
    });
  }
}
