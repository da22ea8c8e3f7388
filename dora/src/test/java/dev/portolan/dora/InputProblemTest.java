package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.catalog.model.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputProblemTest {

  @Test
  void toString_lineAndColumn_fileLineColMessage() {
    InputProblem p = new InputProblem("ev.jsonl", 12, 7, "invalid_event", "deployment: missing field 'id'");
    assertThat(p).hasToString("ev.jsonl:12:7: deployment: missing field 'id'");
    assertThat(p.position()).contains(new SourcePosition(12, 7));
  }

  @Test
  void toString_eventGivenAsObject_sourceAndMessageOnly() {
    InputProblem p = new InputProblem("<events>", 0, 0, "unknown_type", "unknown event x");
    assertThat(p).hasToString("<events>: unknown event x");
    assertThat(p.position()).isEmpty();
  }

  @Test
  void new_lineWithoutColumn_rejected() {
    assertThatThrownBy(() -> new InputProblem("f", 3, 0, "invalid_json", "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line and column are both 1-based or both 0, found 3:0");
  }

  @Test
  void column_nonAsciiBeforeTheValue_countedInCodePoints(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("ev.jsonl");
    Files.writeString(
        f,
        "{\"type\":\"deployment\",\"id\":\"d\u00e9\u00e9\",\"service\":\"\ud83d\ude80\",\"environment\":\"prod\","
            + "\"status\":\"success\",\"finished_at\":\"soon\"}\n"
            + "  {\"type\":\"change\",\"sha\":\"\ud83d\ude80\",\"committed_at\":7}\n",
        StandardCharsets.UTF_8);
    List<InputProblem> problems = DoraCalculator.builder().build().load(List.of(f)).diagnostics().problems();
    assertThat(problems)
        .extracting(Object::toString)
        .containsExactly(
            f + ":1:101: deployment: field 'finished_at' must be an RFC 3339 timestamp",
            f + ":2:45: change: field 'committed_at' must be an RFC 3339 timestamp");
  }
}
