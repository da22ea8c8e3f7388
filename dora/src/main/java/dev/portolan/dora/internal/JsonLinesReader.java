package dev.portolan.dora.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads JSON Lines into an {@link EventStore} in one pass.
 *
 * <p>Input is read in blocks cut at line breaks, and each line on its own. A plain line (one JSON object, ASCII,
 * no escapes, the value shapes events use) is read straight from its bytes, with no strings or parser objects
 * made. Every other line, valid or not, goes to the general path: the line is decoded, stripped of whitespace as
 * the reference does, and read with Jackson's streaming parser, which holds it to one JSON object and nothing
 * else. Both paths give the same result for a plain line. Line breaks are {@code \n}, {@code \r\n} and
 * {@code \r}. Not thread-safe.
 */
public final class JsonLinesReader {

  private static final int BLOCK = 1 << 22;
  private static final int MAX_LINE = 1 << 26;

  private final JsonFactory factory;
  private final EventStore store;
  private final RawEvent raw;
  private final int blockSize;
  private final boolean plainLines;

  private String source;
  private long contentLines;
  /** The block being read, to find a problem line's text again. */
  private byte[] blockBuf;
  private int blockEnd;
  private long blockFirstLine;

  /**
   * Creates a reader that adds to a store.
   *
   * @param store where the events go
   */
  public JsonLinesReader(EventStore store) {
    this(store, BLOCK);
  }

  JsonLinesReader(EventStore store, int blockSize) {
    this(store, blockSize, true);
  }

  /** A reader that can be told to send every line to the general path, to check both paths agree. */
  JsonLinesReader(EventStore store, int blockSize, boolean plainLines) {
    this.factory = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    this.store = store;
    this.raw = new RawEvent(store);
    this.blockSize = blockSize;
    this.plainLines = plainLines;
  }

  /**
   * Reads every line of a stream. Bad lines are counted and sampled in the store, never thrown.
   *
   * @param in the stream (not closed)
   * @param sourceName the name used in problem reports
   * @throws IOException when the stream cannot be read
   */
  public void read(InputStream in, String sourceName) throws IOException {
    this.source = sourceName;
    byte[] buf = new byte[blockSize];
    int len = 0;
    boolean eof = false;
    long firstLine = 1;
    while (true) {
      while (!eof && len < buf.length) {
        int r = in.read(buf, len, buf.length - len);
        if (r < 0) {
          eof = true;
        } else {
          len += r;
        }
      }
      if (len == 0) {
        store.flush();
        return;
      }
      int cut = eof ? len : lastBreak(buf, len);
      if (cut < 0) {
        if (buf.length < MAX_LINE) {
          buf = Arrays.copyOf(buf, buf.length * 2);
          continue;
        }
        store.count(Counter.LINES_READ);
        store.count(Counter.LINES_INVALID_JSON);
        store.problem(
            Problem.LINE_TOO_LONG, source, firstLine, 1, "line longer than " + MAX_LINE + " bytes, skipped");
        firstLine++;
        len = skipLine(in, buf, len);
        eof = len < 0;
        len = Math.max(len, 0);
        continue;
      }
      firstLine += block(buf, cut, firstLine);
      System.arraycopy(buf, cut, buf, 0, len - cut);
      len -= cut;
    }
  }

  /** Discards the rest of an over-long line; returns the bytes left in buf after its break, or -1 at EOF. */
  private static int skipLine(InputStream in, byte[] buf, int len) throws IOException {
    int n = 0;
    while (true) {
      int r = in.read(buf, 0, buf.length);
      if (r < 0) {
        return -1;
      }
      for (int i = 0; i < r; i++) {
        byte b = buf[i];
        if (b == '\n' || b == '\r') {
          int from = i + 1;
          if (b == '\r' && from < r && buf[from] == '\n') {
            from++;
          }
          n = r - from;
          System.arraycopy(buf, from, buf, 0, n);
          return n;
        }
      }
    }
  }

  private static int lastBreak(byte[] buf, int len) {
    for (int i = len - 1; i >= 0; i--) {
      if (buf[i] == '\n') {
        return i + 1;
      }
    }
    for (int i = len - 2; i >= 0; i--) {
      if (buf[i] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * Reads the lines of buf[0, end); returns how many lines there were. A plain line is read straight from its
   * bytes ({@link RawEvent#readLine}); any other line, valid or not, is read on its own by the general path.
   */
  private long block(byte[] buf, int end, long firstLine) throws IOException {
    contentLines = 0;
    blockBuf = buf;
    blockEnd = end;
    blockFirstLine = firstLine;
    long line = firstLine;
    int off = 0;
    while (off < end) {
      int e = plainLines ? raw.readLine(buf, off, end) : -1;
      if (e >= 0) {
        commit(line);
      } else {
        e = off;
        while (e < end && buf[e] != '\n' && buf[e] != '\r') {
          e++;
        }
        if (e > off) {
          slowLine(buf, off, e, line);
        }
      }
      if (e < end && buf[e] == '\r' && e + 1 < end && buf[e + 1] == '\n') {
        e++;
      }
      off = e + 1;
      line++;
    }
    // Records waiting in batches may point into this block, which is about to be overwritten.
    store.flush();
    long lines = line - firstLine;
    finish(lines);
    return lines;
  }

  private void finish(long lines) {
    store.count(Counter.LINES_READ, lines);
    store.count(Counter.LINES_BLANK, lines - contentLines);
  }

  private void commit(long line) {
    contentLines++;
    String r = raw.submit();
    if (r != null) {
      Problem kind = r == RawEvent.UNKNOWN_TYPE ? Problem.UNKNOWN_TYPE : Problem.INVALID_EVENT;
      if (store.keeps(kind)) {
        String message = kind == Problem.UNKNOWN_TYPE ? "unknown event type " + raw.typeText() : r;
        store.problem(kind, source, line, column(line, raw.problemField()), message);
      }
    }
    String f = raw.noOffsetField();
    if (f != null && store.keeps(Problem.TIMESTAMP_WITHOUT_OFFSET)) {
      store.problem(
          Problem.TIMESTAMP_WITHOUT_OFFSET, source, line, column(line, f),
          f + ": timestamp without UTC offset, read as UTC");
    }
  }

  /**
   * The column (code points, 1-based) of a field's value on a line of the current block, the last one when the
   * key repeats, as the last one is the one read; the object's own column when field is null or not found.
   */
  private int column(long line, String field) {
    Cursor c = new Cursor(blockBuf, blockEnd, blockFirstLine);
    if (!c.seek(line)) {
      return 1;
    }
    String text = new String(blockBuf, c.off, c.lineEnd() - c.off, StandardCharsets.UTF_8);
    int at = -1;
    int object = 0;
    try (JsonParser q = factory.createParser(text)) {
      if (q.nextToken() == JsonToken.START_OBJECT) {
        object = (int) q.currentTokenLocation().getCharOffset();
        String name;
        while ((name = q.nextFieldName()) != null) {
          q.nextToken();
          if (name.equals(field)) {
            at = (int) q.currentTokenLocation().getCharOffset();
          }
          q.skipChildren();
        }
      }
    } catch (IOException e) {
      // The line was read before; what could be found up to the error is enough.
    }
    return codePointColumn(text, at >= 0 ? at : object);
  }

  /** The 1-based code point column of a 0-based char offset in a line. */
  private static int codePointColumn(String line, int charOffset) {
    int off = Math.max(0, Math.min(charOffset, line.length()));
    return line.codePointCount(0, off) + 1;
  }

  /** One line read on its own, with the reference's rules: strip whitespace, one JSON object, nothing else. */
  private void slowLine(byte[] buf, int from, int to, long line) throws IOException {
    String full = new String(buf, from, to - from, StandardCharsets.UTF_8);
    String text = strip(full);
    if (text.isEmpty()) {
      return;
    }
    int lead = leadingSpace(full);
    contentLines++;
    try (JsonParser q = factory.createParser(text)) {
      JsonToken t = q.nextToken();
      if (t != JsonToken.START_OBJECT) {
        int col = codePointColumn(full, lead + (int) q.currentTokenLocation().getCharOffset());
        q.skipChildren();
        invalidJson(line, col, "expected a JSON object, found " + describe(t));
        return;
      }
      raw.read(q);
      JsonToken next = q.nextToken();
      if (next != null) {
        int col = codePointColumn(full, lead + (int) q.currentTokenLocation().getCharOffset());
        invalidJson(line, col, "unexpected data after the JSON object");
        return;
      }
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      long off = loc == null ? -1 : loc.getCharOffset();
      if (off < 0 && loc != null && loc.getColumnNr() > 0) {
        off = loc.getColumnNr() - 1;
      }
      int col = codePointColumn(full, lead + (int) Math.max(off, 0));
      invalidJson(line, col, "invalid JSON: " + firstLine(e.getOriginalMessage()));
      return;
    }
    contentLines--;
    commit(line);
  }

  /** The number of chars {@link #strip} removes at the start. */
  private static int leadingSpace(String s) {
    int a = 0;
    while (a < s.length() && isSpace(s.charAt(a))) {
      a++;
    }
    return a;
  }

  private static String describe(JsonToken t) {
    if (t == JsonToken.START_ARRAY) {
      return "an array";
    }
    if (t == JsonToken.VALUE_STRING) {
      return "a string";
    }
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return "a number";
    }
    return t == null ? "nothing" : t.asString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    String f = nl < 0 ? s : s.substring(0, nl);
    f = f.length() > 160 ? f.substring(0, 160) + "..." : f;
    StringBuilder sb = new StringBuilder(f.length());
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xfffd) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private void invalidJson(long line, int column, String message) {
    store.count(Counter.LINES_INVALID_JSON);
    store.problem(Problem.INVALID_JSON, source, line, column, message);
  }

  /** Strips whitespace at both ends the way Python's str.strip() does. */
  static String strip(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isSpace(s.charAt(a))) {
      a++;
    }
    while (b > a && isSpace(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  /** Walks line starts forward through a block. */
  private static final class Cursor {
    private final byte[] buf;
    private final int end;
    long line;
    int off;

    Cursor(byte[] buf, int end, long firstLine) {
      this.buf = buf;
      this.end = end;
      this.line = firstLine;
    }

    /** Moves to the start of a later line; false when the block has no such line. */
    boolean seek(long target) {
      while (line < target) {
        int i = off;
        while (i < end && buf[i] != '\n' && buf[i] != '\r') {
          i++;
        }
        if (i >= end) {
          off = end;
          return false;
        }
        if (buf[i] == '\r' && i + 1 < end && buf[i + 1] == '\n') {
          i++;
        }
        off = i + 1;
        line++;
      }
      return off < end;
    }

    /** The end of the current line, before its break. */
    int lineEnd() {
      int i = off;
      while (i < end && buf[i] != '\n' && buf[i] != '\r') {
        i++;
      }
      return i;
    }
  }
}
