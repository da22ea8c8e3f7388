package dev.portolan.dora.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads JSON Lines into an {@link EventStore} in one pass with Jackson's streaming parser.
 *
 * <p>Input is read in blocks cut at line breaks. One parser reads a whole block as a sequence of root values (the
 * fast path); a line is accepted there only when it holds exactly one object that starts and ends on it. Anything
 * else (invalid JSON, a value that is not an object, two values on a line, a value spread over lines) sends just
 * the lines involved to the slow path, which reads them one by one exactly as a line-oriented reader would, and
 * the fast path resumes at the next line. Line breaks are {@code \n}, {@code \r\n} and {@code \r}. Not thread-safe.
 */
public final class JsonLinesReader {

  private static final int BLOCK = 1 << 22;
  private static final int MAX_LINE = 1 << 26;

  private final JsonFactory factory;
  private final EventStore store;
  private final RawEvent raw;
  private final int blockSize;

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
    this.factory = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    this.store = store;
    this.raw = new RawEvent(store);
    this.blockSize = blockSize;
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

  /** Reads the lines of buf[0, end); returns how many lines there were. */
  private long block(byte[] buf, int end, long firstLine) throws IOException {
    contentLines = 0;
    blockBuf = buf;
    blockEnd = end;
    blockFirstLine = firstLine;
    Cursor cur = new Cursor(buf, end, firstLine);
    int pOff = 0;
    long pLine = firstLine;
    boolean resynced = false;
    while (true) {
      if (notPlainUtf8Start(buf, pOff, end)) {
        // Jackson would guess UTF-16/32 or skip a byte-order mark here; read this line on its own instead.
        if (!cur.seek(pLine)) {
          long lines = countLines(buf, end);
          finish(lines);
          return lines;
        }
        slowLine(buf, cur.off, cur.lineEnd(), pLine);
        resynced = true;
        if (!cur.seek(pLine + 1)) {
          long lines = countLines(buf, end);
          finish(lines);
          return lines;
        }
        pOff = cur.off;
        pLine = cur.line;
        continue;
      }
      JsonParser p = factory.createParser(buf, pOff, end - pOff);
      boolean pending = false;
      long pendingLine = -1;
      long objStart = -1;
      long slowFrom;
      long slowTo;
      try {
        while (true) {
          JsonToken t = p.nextToken();
          if (t == null) {
            if (pending) {
              commit(pendingLine);
            }
            long lines;
            if (resynced) {
              lines = countLines(buf, end);
            } else {
              JsonLocation loc = p.currentLocation();
              lines = loc.getLineNr() - 1 + (loc.getColumnNr() > 1 ? 1 : 0);
            }
            finish(lines);
            return lines;
          }
          long start = pLine + p.currentTokenLocation().getLineNr() - 1;
          if (pending) {
            pending = false;
            if (start == pendingLine) {
              slowFrom = pendingLine;
              slowTo = pendingLine;
              break;
            }
            commit(pendingLine);
          }
          if (t == JsonToken.START_OBJECT) {
            objStart = start;
            raw.read(p);
            objStart = -1;
            long endLine = pLine + p.currentLocation().getLineNr() - 1;
            if (endLine != start) {
              slowFrom = start;
              slowTo = endLine;
              break;
            }
            pending = true;
            pendingLine = start;
          } else {
            p.skipChildren();
            slowFrom = start;
            slowTo = pLine + p.currentLocation().getLineNr() - 1;
            break;
          }
        }
      } catch (JsonProcessingException | CharConversionException e) {
        long errLine = pLine + Math.max(p.currentLocation().getLineNr(), 1) - 1;
        slowFrom = objStart >= 0 ? objStart : errLine;
        slowTo = errLine;
        if (pending) {
          if (pendingLine >= slowFrom) {
            slowFrom = pendingLine;
          } else {
            commit(pendingLine);
          }
        }
      } finally {
        p.close();
      }
      for (long line = slowFrom; line <= slowTo; line++) {
        if (!cur.seek(line)) {
          break;
        }
        slowLine(buf, cur.off, cur.lineEnd(), line);
      }
      resynced = true;
      if (!cur.seek(slowTo + 1)) {
        long lines = countLines(buf, end);
        finish(lines);
        return lines;
      }
      pOff = cur.off;
      pLine = cur.line;
    }
  }

  /** Whether the bytes at off would make Jackson guess another encoding than UTF-8 or skip a byte-order mark. */
  private static boolean notPlainUtf8Start(byte[] buf, int off, int end) {
    if (off >= end) {
      return false;
    }
    int b0 = buf[off] & 0xFF;
    if (b0 == 0xEF || b0 == 0xFE || b0 == 0xFF) {
      return true;
    }
    for (int i = off; i < Math.min(end, off + 4); i++) {
      if (buf[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private void finish(long lines) {
    store.count(Counter.LINES_READ, lines);
    store.count(Counter.LINES_BLANK, lines - contentLines);
  }

  private static long countLines(byte[] buf, int end) {
    long n = 0;
    for (int i = 0; i < end; i++) {
      byte b = buf[i];
      if (b == '\n') {
        n++;
      } else if (b == '\r') {
        n++;
        if (i + 1 < end && buf[i + 1] == '\n') {
          i++;
        }
      }
    }
    if (end > 0 && buf[end - 1] != '\n' && buf[end - 1] != '\r') {
      n++;
    }
    return n;
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
