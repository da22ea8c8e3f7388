package dev.portolan.dora.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest
  @CsvSource({
    "2024-01-01T00:00:00Z, 1704067200000000, true",
    "2024-01-01T05:30:00+05:30, 1704067200000000, true",
    "2023-12-31T20:30:00-03:30, 1704067200000000, true",
    "2024-01-01T00:00:00.000001Z, 1704067200000001, true",
    "2024-01-01T00:00:00.5z, 1704067200500000, true",
    "2024-01-01 00:00:00.123, 1704067200123000, false",
    "2024-02-29T23:59:59.999999+00:00, 1709251199999999, true",
    "1969-12-31T23:59:59.999999Z, -1, true"
  })
  void parse_validTimestamp_epochMicros(String text, long micros, boolean offset) {
    Timestamps t = new Timestamps();
    assertThat(t.parse(text)).isEqualTo(micros);
    assertThat(t.hadOffset()).isEqualTo(offset);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "2024-01-01", "2024-01-01T00:00Z", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z",
        "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z", "2024-01-01T00:00:60Z", "2024-13-01T00:00:00Z",
        "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.1234567Z", "2024-01-01T00:00:00+24:00",
        "2024-01-01T00:00:00 Europe/Paris", "2024-01-01T00:00:00+0100", "yesterday", "0000-01-01T00:00:00Z"
      })
  void parse_invalidTimestamp_invalid(String text) {
    assertThat(new Timestamps().parse(text)).isEqualTo(Timestamps.INVALID);
  }

  @Property
  void format_thenParse_roundTrips(@ForAll @LongRange(min = -2_000_000_000_000_000L, max = 4_000_000_000_000_000L) long us) {
    assertThat(new Timestamps().parse(Timestamps.format(us))).isEqualTo(us);
  }

  @Property
  void parse_anyOffset_sameInstantAsJavaTime(
      @ForAll @LongRange(min = 0, max = 4_000_000_000L) long seconds,
      @ForAll @LongRange(min = -1080, max = 1080) long offsetMinutes) {
    OffsetDateTime t =
        OffsetDateTime.ofInstant(
            java.time.Instant.ofEpochSecond(seconds), ZoneOffset.ofTotalSeconds((int) offsetMinutes * 60));
    String text = t.format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx"));
    assertThat(new Timestamps().parse(text)).isEqualTo(seconds * 1_000_000L);
  }
}
