package dev.portolan.examples.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidateDescriptorsExampleTest {

  @Test
  void problems_sampleFile_locatesEveryProblemOfTheBadDocument() {
    assertThat(ValidateDescriptorsExample.problems("catalog-info.yaml", ValidateDescriptorsExample.CATALOG_INFO))
        .hasSize(2)
        .satisfiesExactly(
            name -> assertThat(name).startsWith(
                "catalog-info.yaml:13:9: component:default/bad name: metadata.name: expected a string")
                .endsWith("found \"bad name\""),
            ref -> assertThat(ref).startsWith(
                "catalog-info.yaml:18:15: component:default/bad name: spec.dependsOn[0]: expected an entity ref"));
  }

  @Test
  void problems_validFile_isEmpty() {
    String valid = ValidateDescriptorsExample.CATALOG_INFO.substring(
        0, ValidateDescriptorsExample.CATALOG_INFO.indexOf("---"));

    assertThat(ValidateDescriptorsExample.problems("catalog-info.yaml", valid)).isEmpty();
  }
}
