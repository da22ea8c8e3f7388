package dev.portolan.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.catalog.model.SourcePosition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterValidationExceptionTest {

  @Test
  void message_everyProblem_oneLocatedLineEach() {
    ScaffolderException name = new ScaffolderException("t.yaml", Optional.of(new SourcePosition(12, 11)),
        "template:default/x", "parameters.name", "expected a value (required), found nothing");
    ScaffolderException port = new ScaffolderException("t.yaml", Optional.of(new SourcePosition(15, 11)),
        "template:default/x", "parameters.port", "expected number, found \"high\"");
    ParameterValidationException e = new ParameterValidationException(List.of(name, port));
    assertThat(e).hasMessage("t.yaml:12:11: template:default/x: parameters.name: expected a value (required), "
        + "found nothing\nt.yaml:15:11: template:default/x: parameters.port: expected number, found \"high\"");
    assertThat(e.problems()).containsExactly(name, port);
    assertThat(e.file()).isEqualTo("t.yaml");
    assertThat(e.position()).contains(new SourcePosition(12, 11));
    assertThat(e.templateRef()).isEqualTo("template:default/x");
    assertThat(e.fieldPath()).isEqualTo("parameters.name");
    assertThat(e.detail()).isEqualTo("expected a value (required), found nothing");
  }

  @Test
  void constructor_noProblems_isRefused() {
    assertThatThrownBy(() -> new ParameterValidationException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
