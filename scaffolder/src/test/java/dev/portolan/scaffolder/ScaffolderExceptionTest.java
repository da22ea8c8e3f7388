package dev.portolan.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.model.SourcePosition;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScaffolderExceptionTest {

  @Test
  void message_allParts_inHouseOrder() {
    ScaffolderException e = new ScaffolderException("t.yaml", Optional.of(new SourcePosition(4, 7)),
        "template:default/x", "spec.steps[0].action", "unknown action 'y'");
    assertThat(e).hasMessage("t.yaml:4:7: template:default/x: spec.steps[0].action: unknown action 'y'");
    assertThat(e.file()).isEqualTo("t.yaml");
    assertThat(e.position()).contains(new SourcePosition(4, 7));
    assertThat(e.templateRef()).isEqualTo("template:default/x");
    assertThat(e.fieldPath()).isEqualTo("spec.steps[0].action");
    assertThat(e.detail()).isEqualTo("unknown action 'y'");
  }

  @Test
  void message_missingParts_areLeftOut() {
    assertThat(new ScaffolderException("", Optional.empty(), "", "", "boom")).hasMessage("boom");
    assertThat(new ScaffolderException("f", Optional.empty(), "", "a.b", "boom")).hasMessage("f: a.b: boom");
  }
}
