package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeverityTest {

  @Test
  void parse_anyCase_roundTripsWithLabel() {
    for (Severity s : Severity.values()) {
      assertThat(Severity.parse(s.label().toUpperCase(java.util.Locale.ROOT))).isEqualTo(s);
      assertThat(s.toString()).isEqualTo(s.label());
    }
  }

  @Test
  void parse_unknown_listsChoices() {
    assertThatThrownBy(() -> Severity.parse("blocker")).isInstanceOf(GovernanceException.class)
        .hasMessage("expected one of critical, high, medium, low, info, found 'blocker'");
    assertThatThrownBy(() -> Severity.parse(null)).hasMessageContaining("found nothing");
  }

  @Test
  void parseThreshold_noneOrLabel_parsedAndUnknownListsNoneToo() {
    assertThat(Severity.parseThreshold("NONE")).isEmpty();
    assertThat(Severity.parseThreshold("medium")).contains(Severity.MEDIUM);
    assertThatThrownBy(() -> Severity.parseThreshold("severe")).isInstanceOf(GovernanceException.class)
        .hasMessage("expected one of critical, high, medium, low, info, none, found 'severe'");
  }

  @Test
  void atLeast_ordersFromCriticalToInfo() {
    assertThat(Severity.CRITICAL.atLeast(Severity.HIGH)).isTrue();
    assertThat(Severity.HIGH.atLeast(Severity.HIGH)).isTrue();
    assertThat(Severity.MEDIUM.atLeast(Severity.HIGH)).isFalse();
    assertThat(Severity.CRITICAL.securitySeverity()).isGreaterThan(Severity.HIGH.securitySeverity());
    assertThat(Severity.INFO.weight()).isZero();
  }
}
