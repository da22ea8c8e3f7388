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

  /** Characters of a timestamp given as characters, as bytes. */
  private byte[] scratch = new byte[40];

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
    if (scratch.length < len) {
      scratch = new byte[len];
    }
    byte[] b = scratch;
    for (int i = 0; i < len; i++) {
      char ch = c[off + i];
      if (ch >= 0x80) {
        // Every character of a timestamp is ASCII.
        return INVALID;
      }
      b[i] = (byte) ch;
    }
    return parse(b, 0, len);
  }

  /**
   * Parses a timestamp from a range of ASCII bytes (any byte above 0x7f makes it invalid).
   *
   * @param c the bytes
   * @param off the first byte
   * @param len the number of bytes
   * @return epoch microseconds, or {@link #INVALID}
   */
  public long parse(byte[] c, int off, int len) {
    if (len < 19) {
      return INVALID;
    }
    int end = off + len;
    int year = digits2(c, off) * 100 + digits2(c, off + 2);
    int month = digits2(c, off + 5);
    int day = digits2(c, off + 8);
    int hour = digits2(c, off + 11);
    int minute = digits2(c, off + 14);
    int second = digits2(c, off + 17);
    byte sep = c[off + 10];
    if (year < 1
        || c[off + 4] != '-'
        || c[off + 7] != '-'
        || c[off + 13] != ':'
        || c[off + 16] != ':'
        || (sep != 'T' && sep != 't' && sep != ' ')
        || month < 1
        || month > 12
        || day < 1
        || day > daysInMonth(year, month)
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
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
      micros *= SCALE[digits];
    }
    long offsetSeconds = 0;
    boolean offset;
    if (p == end) {
      offset = false;
    } else if ((c[p] == 'Z' || c[p] == 'z') && p + 1 == end) {
      offset = true;
    } else if ((c[p] == '+' || c[p] == '-') && p + 6 == end && c[p + 3] == ':') {
      int oh = digits2(c, p + 1);
      int om = digits2(c, p + 4);
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

  /**
   * Where the closing quote of a string starting at {@code from} is when the string has the shape of a timestamp:
   * 19 characters, then an optional fraction of up to seven digits, then {@code Z}, an offset or nothing; else -1.
   * Only the shape is looked at: {@link #parse} checks the characters.
   *
   * @param c the bytes
   * @param from the first byte of the string, after its opening quote
   * @param to the end of the bytes
   * @return the index of the closing quote, or -1
   */
  static int quoteAfter(byte[] c, int from, int to) {
    int p = from + 19;
    if (p >= to) {
      return -1;
    }
    if (c[p] == '.') {
      p++;
      int stop = Math.min(to, p + 7);
      while (p < stop && c[p] >= '0' && c[p] <= '9') {
        p++;
      }
    }
    if (p < to && (c[p] == 'Z' || c[p] == 'z')) {
      p++;
    } else if (p < to && (c[p] == '+' || c[p] == '-')) {
      p += 6;
    }
    return p < to && c[p] == '"' ? p : -1;
  }

  /** What a fraction of n digits is multiplied by to give microseconds. */
  private static final long[] SCALE = {1, 100_000, 10_000, 1_000, 100, 10, 1};

  /** The value of two decimal digits, or a negative number when one is not a digit. */
  private static int digits2(byte[] c, int off) {
    int a = c[off] - '0';
    int b = c[off + 1] - '0';
    if ((a | b) < 0 || a > 9 || b > 9) {
      return -10_000;
    }
    return a * 10 + b;
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
