package dev.portolan.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.model.PortolanException;
import org.junit.jupiter.api.Test;

class TemplateExceptionTest {

  @Test
  void message_withPosition_readsNameLineColumnDetail() {
    TemplateException e = new TemplateException("skeleton/a.txt", 3, 14, "unknown filter 'x'");
    assertThat(e).isInstanceOf(PortolanException.class).hasMessage("skeleton/a.txt:3:14: unknown filter 'x'");
    assertThat(e.templateName()).isEqualTo("skeleton/a.txt");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(14);
    assertThat(e.detail()).isEqualTo("unknown filter 'x'");
  }

  @Test
  void message_withoutPosition_omitsIt() {
    assertThat(new TemplateException("t", 0, 0, "too big")).hasMessage("t: too big");
  }
}
