package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

class AssetTest {

  @Test
  void toYaml_quotesYesNoAndDatesAndNormalisesKind() {
    AssetCatalog c = Fixtures.catalog(String.join("\n",
        "apiVersion: backstage.io/v1beta1",
        "kind: AIResource",
        "metadata: {name: m}",
        "spec:",
        "  type: model",
        "  owner: team",
        "  usesSensitivePersonalInformation: true",
        "  version: 1.0",
        "  approval: {status: approved, date: 2026-05-10}",
        "  note: 'on'",
        "  count: 3"));
    String yaml = c.assets().get(0).toYaml();
    assertThat(yaml).contains("apiVersion: backstage.io/v1alpha1").contains("kind: AiResource")
        .contains("usesSensitivePersonalInformation: \"yes\"")
        .contains("date: \"2026-05-10\"")
        .contains("note: \"on\"")
        .contains("count: 3")
        .contains("status: approved");
    Asset back = Fixtures.catalog(yaml).assets().get(0);
    assertThat(back.text("spec.usesSensitivePersonalInformation")).contains("yes");
    assertThat(back.field("spec.usesSensitivePersonalInformation").orElseThrow().isTextual()).isTrue();
    assertThat(back.text("spec.approval.date")).contains("2026-05-10");
  }

  @Property(tries = 200)
  void toYaml_anyStringValue_readsBackUnchanged(@ForAll @StringLength(max = 12) @AlphaChars @NumericChars
      @Chars({'-', '.', ':', ' ', '_', '+', '~'}) String value) {
    com.fasterxml.jackson.databind.node.ObjectNode e = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    e.put("apiVersion", "backstage.io/v1alpha1").put("kind", "Component");
    e.putObject("metadata").put("name", "x");
    e.putObject("spec").put("value", value);
    Asset a = AssetCatalog.builder().add(e).build().assets().get(0);
    Asset back = Fixtures.catalog(a.toYaml()).assets().get(0);
    assertThat(back.field("spec.value").orElse(null)).isNotNull();
    assertThat(back.field("spec.value").get().isTextual()).as(a.toYaml()).isTrue();
    assertThat(back.field("spec.value").get().textValue()).isEqualTo(value);
  }

  @Test
  void field_dottedLabelKeys_areFound() {
    Asset a = Fixtures.example().get("airesource:default/claims-triage-llm").orElseThrow();
    assertThat(a.text("metadata.labels.gov.example.com/risk-tier")).contains("high");
    assertThat(a.text("metadata.annotations.backstage.io/source-location")).contains("url:https://git.example.com/ml/claims-triage/");
    assertThat(a.text("spec.trainedOn[0]")).contains("airesource:default/claims-history-2019-2024");
    assertThat(a.location("spec.trainedOn[0]")).map(SourceLocation::line).contains(24);
    assertThat(a.text("spec.nothing.here")).isEmpty();
  }
}
