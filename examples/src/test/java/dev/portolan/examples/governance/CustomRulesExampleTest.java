package dev.portolan.examples.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.governance.Report;
import dev.portolan.governance.Severity;
import dev.portolan.governance.WaiverStatus;
import org.junit.jupiter.api.Test;

class CustomRulesExampleTest {

  @Test
  void findings_sampleCatalog_reportsBothRulesWithWitnessPathsAndTheWaiver() {
    assertThat(CustomRulesExample.findings()).containsExactly(
        "catalog-info.yaml:9: high ORG-01 component:default/checkout: uses a model trained on personal data in "
            + "airesource:default/transactions but records no privacy review",
        "    via component:default/checkout -> usesModel -> airesource:default/fraud-model -> trainedOn -> "
            + "airesource:default/transactions",
        "catalog-info.yaml:18: high ORG-01 component:default/refunds: uses a model trained on personal data in "
            + "airesource:default/transactions but records no privacy review",
        "    via component:default/refunds -> usesModel -> airesource:default/fraud-model -> trainedOn -> "
            + "airesource:default/transactions  (waived by WVR-7)",
        "catalog-info.yaml:27: medium ORG-02 airesource:default/fraud-model: used in production by "
            + "component:default/checkout but names no on-call group",
        "    via airesource:default/fraud-model -> modelUsedBy -> component:default/checkout");
  }

  @Test
  void evaluate_unwaivedHighFinding_failsTheHighGateAndAppliesTheWaiver() {
    Report report = CustomRulesExample.evaluate();

    assertThat(report.asOf()).hasToString("2026-11-24");
    assertThat(report.fails(Severity.HIGH)).isTrue();
    assertThat(report.gating(Severity.HIGH)).singleElement()
        .satisfies(f -> assertThat(f.entity()).isEqualTo("component:default/checkout"));
    assertThat(report.waivers()).singleElement().satisfies(w -> {
      assertThat(w.waiver().id()).isEqualTo("WVR-7");
      assertThat(w.state()).isEqualTo(WaiverStatus.State.APPLIED);
      assertThat(w.covered()).isEqualTo(1);
    });
  }
}
