package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoraInputExceptionTest {

  @Test
  void message_allParts_fileLineColumnPathExpectedFound() {
    DoraInputException e = new DoraInputException("a.csv", 3, 7, "finished_at", "a timestamp", "\"x\"", null);
    assertThat(e).hasMessage("a.csv:3:7: finished_at: expected a timestamp, found \"x\"");
    assertThat(e.source()).isEqualTo("a.csv");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.fieldPath()).contains("finished_at");
    assertThat(e.expected()).isEqualTo("a timestamp");
    assertThat(e.found()).contains("\"x\"");
    assertThat(e).isInstanceOf(dev.portolan.catalog.model.PortolanException.class);
  }

  @Test
  void message_withoutPosition_sourceOnly() {
    DoraInputException e = new DoraInputException("x.json", 0, 0, null, "a JSON object", null, null);
    assertThat(e).hasMessage("x.json: expected a JSON object");
    assertThat(e.fieldPath()).isEmpty();
    assertThat(e.found()).isEmpty();
  }
}
