package dev.portolan.dora.internal;

/**
 * Strict RFC 3339 timestamps to epoch microseconds (UTC), without allocation.
 *
 * <p>Accepted: {@code YYYY-MM-DD(T|t| )HH:MM:SS[.f{1,6}][Z|z|(+|-)HH:MM]}. A timestamp without an offset is read
 * as UTC; {@link #hadOffset()} tells the caller so it can be counted. Named zones are not accepted.
 */
public final class Timestamps {

  /** Returned by {@link #parse} for text that is not a timestamp. */
  public static final long INVALID = Long.MIN_VALUE + 1;

  private static final long US_PER_SECOND = 1_000_000L;
  private static final long US_PER_DAY = 86_400L * US_PER_SECOND;

  private boolean hadOffset;

  /**
   * Whether the last successfully parsed timestamp carried an offset.
   *
   * @return false when the last timestamp was read as UTC for lack of an offset
   */
  public boolean hadOffset() {
    return hadOffset;
  }

  /**
   * Parses a timestamp.
   *
   * @param s the text
   * @return epoch microseconds, or {@link #INVALID}
   */
  public long parse(CharSequence s) {
    int n = s.length();
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = s.charAt(i);
    }
    return parse(c, 0, n);
  }

  /**
   * Parses a timestamp from a character range.
   *
   * @param c the characters
   * @param off the first character
   * @param len the number of characters
   * @return epoch microseconds, or {@link #INVALID}
   */
  public long parse(char[] c, int off, int len) {
    if (len < 19) {
      return INVALID;
    }
    int end = off + len;
    int year = digits(c, off, 4);
    if (year < 1 || c[off + 4] != '-') {
      return INVALID;
    }
    int month = digits(c, off + 5, 2);
    if (month < 1 || month > 12 || c[off + 7] != '-') {
      return INVALID;
    }
    int day = digits(c, off + 8, 2);
    if (day < 1 || day > daysInMonth(year, month)) {
      return INVALID;
    }
    char sep = c[off + 10];
    if (sep != 'T' && sep != 't' && sep != ' ') {
      return INVALID;
    }
    int hour = digits(c, off + 11, 2);
    if (hour < 0 || hour > 23 || c[off + 13] != ':') {
      return INVALID;
    }
    int minute = digits(c, off + 14, 2);
    if (minute < 0 || minute > 59 || c[off + 16] != ':') {
      return INVALID;
    }
    int second = digits(c, off + 17, 2);
    if (second < 0 || second > 59) {
      return INVALID;
    }
    int p = off + 19;
    long micros = 0;
    if (p < end && c[p] == '.') {
      p++;
      int start = p;
      while (p < end && c[p] >= '0' && c[p] <= '9') {
        p++;
      }
      int digits = p - start;
      if (digits < 1 || digits > 6) {
        return INVALID;
      }
      for (int i = start; i < p; i++) {
        micros = micros * 10 + (c[i] - '0');
      }
      for (int i = digits; i < 6; i++) {
        micros *= 10;
      }
    }
    long offsetSeconds = 0;
    boolean offset;
    if (p == end) {
      offset = false;
    } else if ((c[p] == 'Z' || c[p] == 'z') && p + 1 == end) {
      offset = true;
    } else if ((c[p] == '+' || c[p] == '-') && p + 6 == end && c[p + 3] == ':') {
      int oh = digits(c, p + 1, 2);
      int om = digits(c, p + 4, 2);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) {
        return INVALID;
      }
      offsetSeconds = (oh * 3600L + om * 60L) * (c[p] == '-' ? -1 : 1);
      offset = true;
    } else {
      return INVALID;
    }
    long days = daysFromCivil(year, month, day);
    long seconds = days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    hadOffset = offset;
    return seconds * US_PER_SECOND + micros;
  }

  private static int digits(char[] c, int off, int n) {
    int v = 0;
    for (int i = off; i < off + n; i++) {
      char ch = c[i];
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  private static int daysInMonth(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /**
   * Days since 1970-01-01 of a proleptic Gregorian date.
   *
   * @param y year
   * @param m month 1-12
   * @param d day of month
   * @return the epoch day
   */
  static long daysFromCivil(long y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  /**
   * Formats epoch microseconds the way the reference does: seconds, then six fraction digits when non-zero, then
   * {@code Z}.
   *
   * @param us epoch microseconds
   * @return the ISO-8601 text
   */
  public static String format(long us) {
    long day = Math.floorDiv(us, US_PER_DAY);
    long rem = us - day * US_PER_DAY;
    java.time.LocalDate date = java.time.LocalDate.ofEpochDay(day);
    long secs = rem / US_PER_SECOND;
    long frac = rem % US_PER_SECOND;
    StringBuilder sb = new StringBuilder(32);
    sb.append(date).append('T');
    pad2(sb, secs / 3600).append(':');
    pad2(sb, secs / 60 % 60).append(':');
    pad2(sb, secs % 60);
    if (frac != 0) {
      String f = Long.toString(frac);
      sb.append('.').append("000000", 0, 6 - f.length()).append(f);
    }
    return sb.append('Z').toString();
  }

  private static StringBuilder pad2(StringBuilder sb, long v) {
    if (v < 10) {
      sb.append('0');
    }
    return sb.append(v);
  }
}
