package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {

  private final AssetCatalog catalog = Fixtures.example();

  @Test
  void matches_kindsTypesAndLabels() {
    Asset model = catalog.get("airesource:default/claims-triage-llm").orElseThrow();
    Asset portal = catalog.get("component:default/claims-portal").orElseThrow();
    assertThat(Scope.ALL.matches(model)).isTrue();
    assertThat(new Scope(Set.of("airesource"), Set.of(), Map.of()).matches(model)).isTrue();
    assertThat(new Scope(Set.of("Component"), Set.of(), Map.of()).matches(model)).isFalse();
    assertThat(new Scope(Set.of(), Set.of("MODEL"), Map.of()).matches(model)).isTrue();
    assertThat(new Scope(Set.of(), Set.of("service"), Map.of()).matches(portal)).isTrue();
    assertThat(new Scope(Set.of(), Set.of(), Map.of("gov.example.com/risk-tier", "high")).matches(model)).isTrue();
    assertThat(new Scope(Set.of(), Set.of(), Map.of("gov.example.com/risk-tier", "low")).matches(model)).isFalse();
  }

  @Test
  void factories_kindsTypesLabels_sameAsTheCanonicalConstructor() {
    assertThat(Scope.all()).isSameAs(Scope.ALL);
    assertThat(Scope.kinds("AiResource", "Component")).isEqualTo(new Scope(Set.of("airesource", "component"), Set.of(), Map.of()));
    assertThat(Scope.types("MODEL")).isEqualTo(new Scope(Set.of(), Set.of("model"), Map.of()));
    assertThat(Scope.label("gov.example.com/risk-tier", "high"))
        .isEqualTo(new Scope(Set.of(), Set.of(), Map.of("gov.example.com/risk-tier", "high")));
    Scope s = Scope.kinds("Component").withTypes("service").withLabel("a", "1").withLabel("b", "2");
    assertThat(s).isEqualTo(new Scope(Set.of("component"), Set.of("service"), Map.of("a", "1", "b", "2")));
    assertThat(s.withKinds("System").kinds()).containsExactly("system");
  }
}
