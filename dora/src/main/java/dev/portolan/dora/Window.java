package dev.portolan.dora;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A reporting window {@code [from, to)} of whole UTC days: it starts at 00:00 UTC on {@code from} and ends before
 * 00:00 UTC on {@code to}.
 *
 * @param from the first day
 * @param to the day after the last day
 */
public record Window(LocalDate from, LocalDate to) {

  /** The default length, 13 weeks. */
  public static final int DEFAULT_DAYS = 91;

  /**
   * Checks that the window holds at least one day.
   *
   * @param from the first day
   * @param to the day after the last day
   */
  public Window {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("window end " + to + " must be after its start " + from);
    }
  }

  /**
   * A window of whole days.
   *
   * @param from the first day
   * @param to the day after the last day
   * @return the window
   */
  public static Window of(LocalDate from, LocalDate to) {
    return new Window(from, to);
  }

  /**
   * The {@code days} days ending with today (UTC) on the clock.
   *
   * @param clock the clock
   * @param days the length
   * @return the window ending at the next 00:00 UTC
   */
  public static Window endingToday(Clock clock, int days) {
    LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
    return new Window(to.minusDays(days), to);
  }

  /**
   * The number of days.
   *
   * @return {@code to - from} in days
   */
  public long days() {
    return ChronoUnit.DAYS.between(from, to);
  }

  /**
   * The start instant.
   *
   * @return 00:00 UTC on {@link #from()}
   */
  public Instant start() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * The end instant (excluded).
   *
   * @return 00:00 UTC on {@link #to()}
   */
  public Instant end() {
    return to.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * Whether an instant falls in the window.
   *
   * @param t the instant
   * @return true when {@code start <= t < end}
   */
  public boolean contains(Instant t) {
    return !t.isBefore(start()) && t.isBefore(end());
  }

  @Override
  public String toString() {
    return "[" + from + ", " + to + ")";
  }
}
