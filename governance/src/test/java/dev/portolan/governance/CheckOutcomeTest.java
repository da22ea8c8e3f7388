package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckOutcomeTest {

  @Test
  void factories_describeTheOutcome() {
    assertThat(CheckOutcome.notApplicable().applicable()).isFalse();
    assertThat(CheckOutcome.pass().violations()).isEmpty();
    Violation v = Violation.of("bad", List.of("component:default/x"));
    assertThat(CheckOutcome.fail(List.of(v)).violations()).containsExactly(v);
    assertThat(v.check()).isEmpty();
    assertThat(v.severity()).isEmpty();
  }

  @Test
  void constructor_copiesAndChecks() {
    List<Violation> list = new ArrayList<>();
    list.add(new Violation("c", "m", List.of("a:b/c"), Optional.of(Severity.LOW), false));
    CheckOutcome o = CheckOutcome.fail(list);
    list.clear();
    assertThat(o.violations()).hasSize(1);
    assertThatThrownBy(() -> new CheckOutcome(false, List.of(Violation.of("m", List.of())))).isInstanceOf(IllegalArgumentException.class);
  }
}
