package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WindowTest {

  @Test
  void of_twoDays_halfOpenInUtc() {
    Window w = Window.of(LocalDate.of(2024, 3, 30), LocalDate.of(2024, 4, 1));
    assertThat(w.days()).isEqualTo(2);
    assertThat(w.contains(Instant.parse("2024-03-30T00:00:00Z"))).isTrue();
    assertThat(w.contains(Instant.parse("2024-03-31T23:59:59.999999Z"))).isTrue();
    assertThat(w.contains(Instant.parse("2024-04-01T00:00:00Z"))).isFalse();
    assertThat(w).hasToString("[2024-03-30, 2024-04-01)");
  }

  @Test
  void of_emptyWindow_rejected() {
    assertThatThrownBy(() -> Window.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window end 2024-01-01 must be after its start 2024-01-01");
  }

  @Test
  void endingToday_lateInTheUtcDay_includesToday() {
    Clock clock = Clock.fixed(Instant.parse("2024-03-10T23:30:00Z"), ZoneOffset.ofHours(-5));
    assertThat(Window.endingToday(clock, 7)).isEqualTo(Window.of(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 11)));
  }
}
