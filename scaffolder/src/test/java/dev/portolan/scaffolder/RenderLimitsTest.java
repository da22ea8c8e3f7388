package dev.portolan.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RenderLimitsTest {

  @Test
  void defaults_arePositiveAndBounded() {
    assertThat(RenderLimits.DEFAULTS.maxWork()).isEqualTo(1_000_000);
    assertThat(RenderLimits.DEFAULTS.maxOutputChars()).isEqualTo(16 * 1024 * 1024);
    assertThat(RenderLimits.DEFAULTS.maxRenderTime()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void constructor_nonPositiveBudget_isRefused() {
    assertThatThrownBy(() -> new RenderLimits(0, 1, 1, 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RenderLimits(1, 1, 1, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scaffolder_withTightLimits_failsRenderingWithBudgetError() {
    Scaffolder s = Scaffolder.builder().limits(new RenderLimits(1000, 1000, 100, 32, Duration.ofSeconds(1))).build();
    assertThatThrownBy(() -> s.render("{% for i in range(1000) %}x{% endfor %}", ScaffolderTest.json("{}")))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("render budget exceeded: more than 100 evaluation steps");
  }
}
