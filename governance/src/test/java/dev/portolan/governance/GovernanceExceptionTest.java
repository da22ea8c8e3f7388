package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.model.PortolanException;
import org.junit.jupiter.api.Test;

class GovernanceExceptionTest {

  @Test
  void message_allFacts_followTheHouseFormat() {
    GovernanceException e = new GovernanceException("rules.yaml", 4, 5, "R-1", "rules[0].severity", "expected low, found 'x'");
    assertThat(e).isInstanceOf(PortolanException.class);
    assertThat(e.getMessage()).isEqualTo("rules.yaml:4:5: R-1: rules[0].severity: expected low, found 'x'");
    assertThat(e.file()).contains("rules.yaml");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(5);
    assertThat(e.entityRef()).contains("R-1");
    assertThat(e.fieldPath()).contains("rules[0].severity");
  }

  @Test
  void message_missingFacts_areLeftOut() {
    assertThat(new GovernanceException("only the problem").getMessage()).isEqualTo("only the problem");
    assertThat(new GovernanceException("f.yaml", 0, 0, null, null, "p").getMessage()).isEqualTo("f.yaml: p");
    assertThat(new GovernanceException("f.yaml", 3, 0, null, "a.b", "p").getMessage()).isEqualTo("f.yaml:3: a.b: p");
    assertThat(new GovernanceException("p").file()).isEmpty();
  }
}
