package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingTest {

  @Test
  void fingerprint_isRuleEntityAndCheck_andListsAreCopied() {
    List<String> path = new ArrayList<>(List.of("component:default/a", "usesModel", "airesource:default/m"));
    Finding f = new Finding("MDL-05", Severity.HIGH, "component:default/a", "", "msg", path, false, Optional.empty(), true,
        Optional.empty(), List.of());
    path.clear();
    assertThat(f.path()).hasSize(3);
    assertThat(f.fingerprint()).isEqualTo("MDL-05|component:default/a|");
    assertThat(f.status()).isEqualTo("fail");
    assertThat(f.waived()).isFalse();
    Finding w = new Finding("MDL-05", Severity.HIGH, "component:default/a", "x", "msg", List.of(), true, Optional.of("W"), false,
        Optional.empty(), List.of());
    assertThat(w.status()).isEqualTo("error");
    assertThat(w.waived()).isTrue();
    assertThat(w.fingerprint()).isNotEqualTo(f.fingerprint());
  }
}
