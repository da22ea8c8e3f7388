package dev.portolan.dora.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The known fields of one JSON event object, read from a streaming parser without building a tree, then checked
 * and handed to the {@link EventStore} with the reference's rules. Reused from object to object; not thread-safe.
 */
final class RawEvent {

  static final byte ABSENT = 0;
  static final byte NULL = 1;
  static final byte STRING = 2;
  static final byte TRUE = 3;
  static final byte FALSE = 4;
  static final byte OTHER = 5;
  static final byte LIST_OK = 6;
  static final byte LIST_BAD = 7;
  static final byte FALSY = 8;

  static final int T_NONE = 0;
  static final int T_DEPLOYMENT = 1;
  static final int T_CHANGE = 2;
  static final int T_INCIDENT = 3;
  static final int T_OTHER = 4;

  /** Outcome of {@link #submit}: null when accepted, else a reason. */
  static final String UNKNOWN_TYPE = "unknown type";

  private final EventStore store;
  private final Timestamps ts = new Timestamps();

  int type;
  String typeText;
  final Text id = new Text();
  final Text service = new Text();
  final Text env = new Text();
  final Text status = new Text();
  final Text rollbackOf = new Text();
  byte kCausedBy;
  String causedBy;
  byte kRootSha;
  String rootSha;
  byte kRollback;
  byte kHotfix;
  byte kSha;
  int sha;
  boolean shaEmpty;
  byte kCommits;
  int[] commits = new int[16];
  int nCommits;
  final Stamp finished = new Stamp();
  final Stamp committed = new Stamp();
  final Stamp authored = new Stamp();
  final Stamp opened = new Stamp();
  final Stamp resolved = new Stamp();
  /** The first timestamp without an offset that the rules parsed, for the problem log. */
  private String noOffsetField;
  /** The field the last rejection is about, or null for the whole object. */
  private String problemField;

  /**
   * One text field: a range of the line's ASCII bytes when read by the line parser, else copied into a reusable
   * character buffer.
   */
  static final class Text {
    byte kind;
    char[] buf = new char[64];
    /** The line's bytes when the value is a range of them, else null. */
    byte[] bytes;
    int off;
    int len;

    void read(JsonParser p, JsonToken t) throws IOException {
      kind = kind(p, t);
      bytes = null;
      if (kind == STRING) {
        len = p.getTextLength();
        if (len > buf.length) {
          buf = new char[Math.max(len, buf.length * 2)];
        }
        System.arraycopy(p.getTextCharacters(), p.getTextOffset(), buf, 0, len);
      }
    }

    /** Takes a value from the line parser: ASCII bytes when a string, which stay valid while the line is. */
    void set(byte k, byte[] b, int from, int n) {
      kind = k;
      if (k == STRING) {
        bytes = b;
        off = from;
        len = n;
      }
    }

    boolean nonEmpty() {
      return kind == STRING && len > 0;
    }

    /** The id of the string value in a table. */
    int id(StringTable t) {
      return bytes != null ? t.id(bytes, off, len) : t.id(buf, 0, len);
    }

    /** The id of the string value among the store's normalised values. */
    int valueId(EventStore store) {
      return bytes != null ? store.valueId(bytes, off, len) : store.valueId(buf, 0, len);
    }

    String str() {
      return bytes != null
          ? new String(bytes, off, len, java.nio.charset.StandardCharsets.ISO_8859_1)
          : new String(buf, 0, len);
    }
  }

  /** One timestamp field. */
  static final class Stamp {
    byte kind;
    long value;
    boolean noOffset;
  }

  RawEvent(EventStore store) {
    this.store = store;
  }

  private void reset() {
    shaBytes = null;
    shaPacked = false;
    commitsPacked = false;
    type = T_NONE;
    typeText = null;
    id.kind = service.kind = env.kind = status.kind = rollbackOf.kind = ABSENT;
    kCausedBy = kRootSha = ABSENT;
    kRollback = kHotfix = kSha = kCommits = ABSENT;
    causedBy = rootSha = null;
    nCommits = 0;
    finished.kind = committed.kind = authored.kind = opened.kind = resolved.kind = ABSENT;
  }

  /**
   * Reads the fields of the object whose START_OBJECT the parser has just returned, up to its END_OBJECT.
   * Duplicate keys: the last one wins.
   */
  void read(JsonParser p) throws IOException {
    reset();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "type":
          if (t == JsonToken.VALUE_STRING) {
            type = typeOf(p);
            typeText = type == T_OTHER ? "\"" + truncate(p.getText()) + "\"" : null;
          } else {
            type = T_OTHER;
            typeText = t == JsonToken.VALUE_NULL ? "null" : "a non-string value";
            p.skipChildren();
          }
          break;
        case "id":
          id.read(p, t);
          break;
        case "service":
          service.read(p, t);
          break;
        case "environment":
          env.read(p, t);
          break;
        case "status":
          status.read(p, t);
          break;
        case "rollback_of":
          rollbackOf.read(p, t);
          break;
        case "caused_by_deployment":
          kCausedBy = kind(p, t);
          causedBy = kCausedBy == STRING ? p.getText() : null;
          break;
        case "root_cause_sha":
          kRootSha = kind(p, t);
          rootSha = kRootSha == STRING ? p.getText() : null;
          break;
        case "is_rollback":
          kRollback = kind(p, t);
          break;
        case "is_hotfix":
          kHotfix = kind(p, t);
          break;
        case "sha":
          kSha = kind(p, t);
          if (kSha == STRING) {
            int len = p.getTextLength();
            shaEmpty = len == 0;
            sha = shaEmpty ? -1 : store.shaId(p.getTextCharacters(), p.getTextOffset(), len);
          }
          break;
        case "commits":
          readCommits(p, t);
          break;
        case "finished_at":
          stamp(p, t, finished);
          break;
        case "committed_at":
          stamp(p, t, committed);
          break;
        case "authored_at":
          stamp(p, t, authored);
          break;
        case "opened_at":
          stamp(p, t, opened);
          break;
        case "resolved_at":
          stamp(p, t, resolved);
          break;
        default:
          p.skipChildren();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // The line parser: plain, well-formed lines straight from bytes.
  // ---------------------------------------------------------------------------------------------------------

  /** The longest string value the line parser takes; longer ones go to the general path and its limits. */
  private static final int MAX_PLAIN_STRING = 1 << 16;

  private static final int F_OTHER = 0;
  private static final int F_TYPE = 1;
  private static final int F_ID = 2;
  private static final int F_SERVICE = 3;
  private static final int F_ENV = 4;
  private static final int F_STATUS = 5;
  private static final int F_ROLLBACK_OF = 6;
  private static final int F_CAUSED_BY = 7;
  private static final int F_ROOT_SHA = 8;
  private static final int F_IS_ROLLBACK = 9;
  private static final int F_IS_HOTFIX = 10;
  private static final int F_SHA = 11;
  private static final int F_COMMITS = 12;
  private static final int F_FINISHED = 13;
  private static final int F_COMMITTED = 14;
  private static final int F_AUTHORED = 15;
  private static final int F_OPENED = 16;
  private static final int F_RESOLVED = 17;

  /** Field names by field number; index 0 is unused. */
  private static final byte[][] NAMES = {
    new byte[0],
    ascii("type"),
    ascii("id"),
    ascii("service"),
    ascii("environment"),
    ascii("status"),
    ascii("rollback_of"),
    ascii("caused_by_deployment"),
    ascii("root_cause_sha"),
    ascii("is_rollback"),
    ascii("is_hotfix"),
    ascii("sha"),
    ascii("commits"),
    ascii("finished_at"),
    ascii("committed_at"),
    ascii("authored_at"),
    ascii("opened_at"),
    ascii("resolved_at")
  };

  private static final byte[] TRUE_BYTES = ascii("true");
  private static final byte[] FALSE_BYTES = ascii("false");
  private static final byte[] NULL_BYTES = ascii("null");

  /** Where the strings of the line are, so shas are interned only once the whole line is known to be good. */
  private int shaFrom;
  /** The line of a change read by {@link #readLine} whose sha is still bytes, or null. */
  private byte[] shaBytes;
  private int shaLen;
  /** Where each commit is in the line, or -1 when it was packed while parsing, into {@link #commitKeys}. */
  private int[] commitFrom = new int[16];
  private int[] commitLen = new int[16];
  private long[] commitKeys = new long[48];
  /**
   * Whether the commits are packed in {@link #commitKeys} (a line read by {@link #readLine}), to be looked up with
   * the deployment's batch, rather than ids in {@link #commits}.
   */
  private boolean commitsPacked;
  /** The sha of a change packed while parsing ({@link ShaTable#pack}), when {@link #shaPacked}. */
  private final long[] shaKey = new long[3];
  private boolean shaPacked;
  /** Set by {@link #value}: where a string value starts and how long it is. */
  private int strFrom;
  private int strLen;

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /**
   * Reads one line holding one plain JSON object: ASCII only, no escapes, values that are strings, booleans,
   * null, numbers or arrays of strings, spaces and tabs between tokens. The result is the same as
   * {@link #read(JsonParser)} on that line. Anything else (including every kind of invalid JSON) returns -1 with
   * nothing changed in the store, so the caller reads the line with the general path.
   *
   * @param b the bytes
   * @param from the first byte of the line
   * @param to the end of the bytes; the line ends before the first {@code \n} or {@code \r}, or here
   * @return the end of the line (its break, or {@code to}) when it was read, else -1
   */
  int readLine(byte[] b, int from, int to) {
    reset();
    int i = skipWs(b, from, to);
    if (i >= to || b[i] != '{') {
      return -1;
    }
    i = skipWs(b, i + 1, to);
    if (i < to && b[i] == '}') {
      i++;
    } else {
      while (true) {
        if (i >= to || b[i] != '"') {
          return -1;
        }
        int ks = i + 1;
        int f = knownName(b, ks, to);
        int ke;
        if (f >= 0) {
          ke = ks + KNOWN_LENGTH[f];
          f = KNOWN_FIELD[f];
        } else {
          ke = stringEnd(b, ks, to);
          if (ke < 0) {
            return -1;
          }
          f = field(b, ks, ke - ks);
        }
        i = skipWs(b, ke + 1, to);
        if (i >= to || b[i] != ':') {
          return -1;
        }
        i = skipWs(b, i + 1, to);
        i = member(b, i, to, f);
        if (i < 0) {
          return -1;
        }
        i = skipWs(b, i, to);
        if (i >= to) {
          return -1;
        }
        if (b[i] == ',') {
          i = skipWs(b, i + 1, to);
          continue;
        }
        if (b[i] == '}') {
          i++;
          break;
        }
        return -1;
      }
    }
    i = skipWs(b, i, to);
    if (i < to && b[i] != '\n' && b[i] != '\r') {
      return -1;
    }
    if (kSha == STRING && !shaEmpty) {
      shaBytes = b;
    }
    if (kCommits == LIST_OK) {
      store.packShas(b, commitFrom, commitLen, commitKeys, nCommits);
      commitsPacked = true;
    }
    return i;
  }

  private static int skipWs(byte[] b, int i, int to) {
    while (i < to && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    return i;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * The index of the closing quote of a plain string starting at s, or -1 for anything else. Eight bytes at a
   * time skip over plain characters: a word is plain when none of its bytes is a quote, a backslash, a control
   * character or above 0x7f.
   */
  private static int stringEnd(byte[] b, int s, int to) {
    int end = Math.min(to, s + MAX_PLAIN_STRING);
    int i = s;
    while (i + 8 <= end) {
      long w = (long) LONGS.get(b, i);
      long q = w ^ 0x2222222222222222L;
      long bs = w ^ 0x5C5C5C5C5C5C5C5CL;
      long special = (((q - ONES) & ~q) | ((bs - ONES) & ~bs) | ((w - 0x2020202020202020L) & ~w) | w) & HIGHS;
      if (special != 0) {
        // Bytes before the first special one borrow nothing, so the lowest flag is exactly that byte.
        int k = i + (Long.numberOfTrailingZeros(special) >>> 3);
        return b[k] == '"' ? k : -1;
      }
      i += 8;
    }
    for (; i < end; i++) {
      byte c = b[i];
      if (c == '"') {
        return i;
      }
      if (c < 0x20 || c == '\\') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Names the line parser recognises from their first bytes, without looking for their closing quote first: every
   * field name, and names that events often carry and the rules ignore.
   */
  private static final byte[][] KNOWN;
  /**
   * The field number of each known name, its length, and its bytes as three words: its first eight bytes
   * (zero-padded), then for longer names the eight bytes at 8 and the last eight bytes (names are at most 24 bytes
   * long). Field f is known name f - 1.
   */
  private static final int[] KNOWN_FIELD;
  private static final int[] KNOWN_LENGTH;
  private static final long[] KNOWN_FIRST;
  private static final long[] KNOWN_MID;
  private static final long[] KNOWN_LAST;
  /** Known names by a hash of their first four bytes (with the quote and colon after short ones): two per slot. */
  private static final int[] BY_PREFIX = new int[2 * 128];

  static {
    String[] ignored = {"pr", "started_at"};
    int n = NAMES.length - 1 + ignored.length;
    KNOWN = new byte[n][];
    KNOWN_FIELD = new int[n];
    for (int f = 1; f < NAMES.length; f++) {
      KNOWN[f - 1] = NAMES[f];
      KNOWN_FIELD[f - 1] = f;
    }
    for (int k = 0; k < ignored.length; k++) {
      KNOWN[NAMES.length - 1 + k] = ascii(ignored[k]);
      KNOWN_FIELD[NAMES.length - 1 + k] = F_OTHER;
    }
    KNOWN_LENGTH = new int[n];
    KNOWN_FIRST = new long[n];
    KNOWN_MID = new long[n];
    KNOWN_LAST = new long[n];
    for (int k = 0; k < n; k++) {
      int len = KNOWN[k].length;
      byte[] quoted = Arrays.copyOf(KNOWN[k], len + 8);
      quoted[len] = '"';
      quoted[len + 1] = ':';
      KNOWN_LENGTH[k] = len;
      KNOWN_FIRST[k] = first(quoted, 0, len);
      KNOWN_MID[k] = len > 16 ? (long) LONGS.get(quoted, 8) : 0;
      KNOWN_LAST[k] = len > 8 ? (long) LONGS.get(quoted, len - 8) : 0;
      int h = prefixSlot((long) LONGS.get(quoted, 0));
      int j = BY_PREFIX[2 * h] == 0 ? 0 : 1;
      if (BY_PREFIX[2 * h + j] != 0) {
        throw new IllegalStateException("three known names share a prefix slot");
      }
      BY_PREFIX[2 * h + j] = k + 1;
    }
  }

  private static int prefixSlot(long firstWord) {
    return ((int) firstWord * 0x9E3779B1) >>> 25;
  }

  /**
   * The known name (an index of {@link #KNOWN}) that a key starting at {@code ks} is, when the key is exactly that
   * name followed by its closing quote; else -1, and the caller looks for the quote.
   */
  private static int knownName(byte[] b, int ks, int to) {
    if (ks + 24 > b.length) {
      return -1;
    }
    long w0 = (long) LONGS.get(b, ks);
    int h = prefixSlot(w0);
    for (int j = 0; j < 2; j++) {
      int k = BY_PREFIX[2 * h + j] - 1;
      if (k < 0) {
        return -1;
      }
      int len = KNOWN_LENGTH[k];
      if (ks + len < to && b[ks + len] == '"' && isKnown(b, ks, len, w0, k)) {
        return k;
      }
    }
    return -1;
  }

  /** Field numbers by name length, so a name is compared only with the names of its length. */
  private static final int[][] BY_LENGTH = byLength();

  private static int[][] byLength() {
    int max = 0;
    for (byte[] n : NAMES) {
      max = Math.max(max, n.length);
    }
    int[][] out = new int[max + 1][0];
    for (int f = 1; f < NAMES.length; f++) {
      int[] l = out[NAMES[f].length];
      l = Arrays.copyOf(l, l.length + 1);
      l[l.length - 1] = f;
      out[NAMES[f].length] = l;
    }
    return out;
  }

  /**
   * Whether the {@code len} bytes at {@code off}, whose first eight are {@code w0}, are known name k, compared
   * word by word; the bytes up to {@code off + max(8, len)} must be in the array.
   */
  private static boolean isKnown(byte[] b, int off, int len, long w0, int k) {
    return (len >= 8 ? w0 : w0 & ((1L << (8 * len)) - 1)) == KNOWN_FIRST[k]
        && (len <= 8 || (long) LONGS.get(b, off + len - 8) == KNOWN_LAST[k])
        && (len <= 16 || (long) LONGS.get(b, off + 8) == KNOWN_MID[k]);
  }

  private static long first(byte[] b, int off, int len) {
    long w = (long) LONGS.get(b, off);
    return len >= 8 ? w : w & ((1L << (8 * len)) - 1);
  }

  private static int field(byte[] b, int off, int len) {
    if (len >= BY_LENGTH.length) {
      return F_OTHER;
    }
    int[] candidates = BY_LENGTH[len];
    if (candidates.length == 0) {
      return F_OTHER;
    }
    if (off + 8 > b.length) {
      return fieldByBytes(b, off, len);
    }
    long w0 = (long) LONGS.get(b, off);
    for (int f : candidates) {
      if (isKnown(b, off, len, w0, f - 1)) {
        return f;
      }
    }
    return F_OTHER;
  }

  private static int fieldByBytes(byte[] b, int off, int len) {
    for (int f : BY_LENGTH[len]) {
      if (Arrays.equals(b, off, off + len, NAMES[f], 0, len)) {
        return f;
      }
    }
    return F_OTHER;
  }

  /** Reads a scalar at i; returns its kind and sets the end in {@link #strFrom}/{@link #strLen}, or -1. */
  private int scalar(byte[] b, int i, int to) {
    byte c = b[i];
    if (c == '"') {
      int e = stringEnd(b, i + 1, to);
      if (e < 0) {
        return -1;
      }
      strFrom = i + 1;
      strLen = e - i - 1;
      return STRING;
    }
    if (c == 't' && literal(b, i, to, TRUE_BYTES)) {
      strFrom = i;
      strLen = 4;
      return TRUE;
    }
    if (c == 'f' && literal(b, i, to, FALSE_BYTES)) {
      strFrom = i;
      strLen = 5;
      return FALSE;
    }
    if (c == 'n' && literal(b, i, to, NULL_BYTES)) {
      strFrom = i;
      strLen = 4;
      return NULL;
    }
    return -1;
  }

  /** The end of the value after a scalar (strings include their closing quote). */
  private int afterScalar(int kind) {
    return kind == STRING ? strFrom + strLen + 1 : strFrom + strLen;
  }

  private static boolean literal(byte[] b, int i, int to, byte[] lit) {
    int e = i + lit.length;
    if (e > to || !Arrays.equals(b, i, e, lit, 0, lit.length)) {
      return false;
    }
    if (e == to) {
      return true;
    }
    byte n = b[e];
    return n == ' ' || n == '\t' || n == ',' || n == '}' || n == ']';
  }

  /** Reads the value of a member with field number f at i; returns the index after it, or -1. */
  private int member(byte[] b, int i, int to, int f) {
    if (i >= to) {
      return -1;
    }
    byte c = b[i];
    if (c == '[') {
      return array(b, i + 1, to, f);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return f == F_OTHER ? number(b, i, to) : -1;
    }
    if (c == '"') {
      // The usual shapes of shas and timestamps are read and checked in one go, without looking for the quote
      // first; anything else takes the way of every string below.
      if (f == F_SHA && hexSha(b, i + 1, to, shaKey, 0)) {
        kSha = STRING;
        shaEmpty = false;
        shaPacked = true;
        return i + 42;
      }
      Stamp st = stampOf(f);
      if (st != null) {
        int q = Timestamps.quoteAfter(b, i + 1, to);
        if (q >= 0) {
          long v = ts.parse(b, i + 1, q - i - 1);
          if (v != Timestamps.INVALID) {
            st.kind = STRING;
            st.value = v;
            st.noOffset = !ts.hadOffset();
            return q + 1;
          }
        }
      }
    }
    int k = scalar(b, i, to);
    if (k < 0) {
      return -1;
    }
    byte kind = (byte) k;
    int s = strFrom;
    int n = strLen;
    switch (f) {
      case F_TYPE:
        if (kind == STRING) {
          type = typeOf(b, s, n);
          typeText =
              type == T_OTHER
                  ? "\"" + truncate(new String(b, s, n, java.nio.charset.StandardCharsets.ISO_8859_1)) + "\""
                  : null;
        } else {
          type = T_OTHER;
          typeText = kind == NULL ? "null" : "a non-string value";
        }
        break;
      case F_ID:
        id.set(kind, b, s, n);
        break;
      case F_SERVICE:
        service.set(kind, b, s, n);
        break;
      case F_ENV:
        env.set(kind, b, s, n);
        break;
      case F_STATUS:
        status.set(kind, b, s, n);
        break;
      case F_ROLLBACK_OF:
        rollbackOf.set(kind, b, s, n);
        break;
      case F_CAUSED_BY:
        kCausedBy = kind;
        causedBy = kind == STRING ? new String(b, s, n, java.nio.charset.StandardCharsets.ISO_8859_1) : null;
        break;
      case F_ROOT_SHA:
        kRootSha = kind;
        rootSha = kind == STRING ? new String(b, s, n, java.nio.charset.StandardCharsets.ISO_8859_1) : null;
        break;
      case F_IS_ROLLBACK:
        kRollback = kind;
        break;
      case F_IS_HOTFIX:
        kHotfix = kind;
        break;
      case F_SHA:
        kSha = kind;
        shaPacked = false;
        if (kind == STRING) {
          shaEmpty = n == 0;
          shaFrom = s;
          shaLen = n;
        }
        break;
      case F_COMMITS:
        nCommits = 0;
        if (kind == STRING) {
          kCommits = n == 0 ? FALSY : OTHER;
        } else {
          kCommits = kind == TRUE ? OTHER : FALSY;
        }
        break;
      case F_FINISHED:
        stamp(b, s, n, kind, finished);
        break;
      case F_COMMITTED:
        stamp(b, s, n, kind, committed);
        break;
      case F_AUTHORED:
        stamp(b, s, n, kind, authored);
        break;
      case F_OPENED:
        stamp(b, s, n, kind, opened);
        break;
      case F_RESOLVED:
        stamp(b, s, n, kind, resolved);
        break;
      default:
        break;
    }
    return afterScalar(kind);
  }

  private void stamp(byte[] b, int s, int n, byte kind, Stamp st) {
    st.kind = kind;
    if (kind == STRING) {
      st.value = ts.parse(b, s, n);
      st.noOffset = st.value != Timestamps.INVALID && !ts.hadOffset();
    }
  }

  /** An array of strings (commits, or a field the event ignores); anything else inside returns -1. */
  private int array(byte[] b, int i, int to, int f) {
    if (f != F_COMMITS && f != F_OTHER) {
      return -1;
    }
    if (f == F_COMMITS) {
      nCommits = 0;
      kCommits = LIST_OK;
    }
    i = skipWs(b, i, to);
    if (i < to && b[i] == ']') {
      if (f == F_COMMITS) {
        kCommits = FALSY;
      }
      return i + 1;
    }
    while (true) {
      if (i >= to || b[i] != '"') {
        return -1;
      }
      int e;
      if (f == F_COMMITS) {
        if (nCommits == commitFrom.length) {
          commitFrom = Arrays.copyOf(commitFrom, nCommits * 2);
          commitLen = Arrays.copyOf(commitLen, nCommits * 2);
          commitKeys = Arrays.copyOf(commitKeys, nCommits * 6);
          commits = Arrays.copyOf(commits, Math.max(commits.length, nCommits * 2));
        }
        if (hexSha(b, i + 1, to, commitKeys, 3 * nCommits)) {
          commitFrom[nCommits] = -1;
          e = i + 41;
        } else {
          e = stringEnd(b, i + 1, to);
          if (e < 0) {
            return -1;
          }
          commitFrom[nCommits] = i + 1;
          commitLen[nCommits] = e - i - 1;
        }
        nCommits++;
      } else {
        e = stringEnd(b, i + 1, to);
        if (e < 0) {
          return -1;
        }
      }
      i = skipWs(b, e + 1, to);
      if (i >= to) {
        return -1;
      }
      if (b[i] == ']') {
        return i + 1;
      }
      if (b[i] != ',') {
        return -1;
      }
      i = skipWs(b, i + 1, to);
    }
  }

  /** A JSON number, strictly; returns the index after it or -1. */
  private static int number(byte[] b, int i, int to) {
    if (b[i] == '-') {
      i++;
    }
    if (i >= to) {
      return -1;
    }
    if (b[i] == '0') {
      i++;
    } else if (b[i] >= '1' && b[i] <= '9') {
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
    } else {
      return -1;
    }
    if (i < to && b[i] == '.') {
      i++;
      int d = i;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      if (i == d) {
        return -1;
      }
    }
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < to && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      int d = i;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      if (i == d) {
        return -1;
      }
    }
    if (i == to) {
      return i;
    }
    byte n = b[i];
    return n == ' ' || n == '\t' || n == ',' || n == '}' || n == ']' ? i : -1;
  }

  private static int typeOf(byte[] c, int off, int len) {
    if (is(c, off, len, "deployment")) {
      return T_DEPLOYMENT;
    }
    if (is(c, off, len, "change") || is(c, off, len, "commit")) {
      return T_CHANGE;
    }
    if (is(c, off, len, "incident")) {
      return T_INCIDENT;
    }
    return T_OTHER;
  }

  private static boolean is(byte[] c, int off, int len, String s) {
    if (len != s.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (c[off + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String truncate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  private static int typeOf(JsonParser p) throws IOException {
    char[] c = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    if (is(c, off, len, "deployment")) {
      return T_DEPLOYMENT;
    }
    if (is(c, off, len, "change") || is(c, off, len, "commit")) {
      return T_CHANGE;
    }
    if (is(c, off, len, "incident")) {
      return T_INCIDENT;
    }
    return T_OTHER;
  }

  private static boolean is(char[] c, int off, int len, String s) {
    if (len != s.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (c[off + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static byte kind(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING:
        return STRING;
      case VALUE_NULL:
        return NULL;
      case VALUE_TRUE:
        return TRUE;
      case VALUE_FALSE:
        return FALSE;
      default:
        p.skipChildren();
        return OTHER;
    }
  }

  private void stamp(JsonParser p, JsonToken t, Stamp s) throws IOException {
    s.kind = kind(p, t);
    if (s.kind == STRING) {
      s.value = ts.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      s.noOffset = s.value != Timestamps.INVALID && !ts.hadOffset();
    }
  }

  private void readCommits(JsonParser p, JsonToken t) throws IOException {
    nCommits = 0;
    switch (t) {
      case START_ARRAY:
        kCommits = LIST_OK;
        boolean empty = true;
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
          empty = false;
          if (e == JsonToken.VALUE_STRING) {
            if (nCommits == commits.length) {
              commits = Arrays.copyOf(commits, nCommits * 2);
            }
            commits[nCommits++] = store.shaId(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          } else {
            kCommits = LIST_BAD;
            p.skipChildren();
          }
        }
        if (empty) {
          kCommits = FALSY;
        }
        break;
      case START_OBJECT:
        if (p.nextToken() == JsonToken.END_OBJECT) {
          kCommits = FALSY;
        } else {
          kCommits = OTHER;
          do {
            p.nextToken();
            p.skipChildren();
          } while (p.nextToken() != JsonToken.END_OBJECT);
        }
        break;
      case VALUE_NULL:
      case VALUE_FALSE:
        kCommits = FALSY;
        break;
      case VALUE_STRING:
        kCommits = p.getTextLength() == 0 ? FALSY : OTHER;
        break;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        kCommits = !p.isNaN() && p.getDoubleValue() == 0.0 ? FALSY : OTHER;
        break;
      default:
        kCommits = OTHER;
    }
  }

  /**
   * Whether a string at {@code from} is exactly a 40-digit lower-case hex sha followed by its closing quote; if so
   * it is packed at {@code key[at..at+2]}.
   */
  private static boolean hexSha(byte[] b, int from, int to, long[] key, int at) {
    return from + 40 < to && b[from + 40] == '"' && ShaTable.pack(b, from, 40, key, at);
  }

  /** The timestamp a field sets, or null for other fields. */
  private Stamp stampOf(int f) {
    switch (f) {
      case F_FINISHED:
        return finished;
      case F_COMMITTED:
        return committed;
      case F_AUTHORED:
        return authored;
      case F_OPENED:
        return opened;
      case F_RESOLVED:
        return resolved;
      default:
        return null;
    }
  }

  /**
   * Checks the fields with the reference's rules and adds the event to the store.
   *
   * @return null when the event was accepted, {@link #UNKNOWN_TYPE}, or the reason it is invalid
   */
  String submit() {
    noOffsetField = null;
    problemField = null;
    switch (type) {
      case T_DEPLOYMENT:
        return deployment();
      case T_CHANGE:
        return change();
      case T_INCIDENT:
        return incident();
      default:
        store.count(Counter.EVENTS_UNKNOWN_TYPE);
        problemField = type == T_NONE ? null : "type";
        return UNKNOWN_TYPE;
    }
  }

  /** The first timestamp field read as UTC for lack of an offset by the last {@link #submit}, or null. */
  String noOffsetField() {
    return noOffsetField;
  }

  /**
   * The field whose value the last rejection by {@link #submit} is about, or null when it is about the whole
   * object (a missing field or type).
   */
  String problemField() {
    return problemField;
  }

  /** The type text of an unknown type, for messages. */
  String typeText() {
    return typeText == null ? "missing" : typeText;
  }

  private String invalid(String field, String why) {
    problemField = field;
    store.count(Counter.EVENTS_INVALID);
    return why;
  }

  private static String missing(String event, String field) {
    return event + ": missing field '" + field + "'";
  }

  private static String notString(String event, String field) {
    return event + ": field '" + field + "' must be a non-empty string";
  }

  private String deployment() {
    if (id.kind == ABSENT) {
      return invalid(null, missing("deployment", "id"));
    }
    if (service.kind == ABSENT) {
      return invalid(null, missing("deployment", "service"));
    }
    if (env.kind == ABSENT) {
      return invalid(null, missing("deployment", "environment"));
    }
    if (status.kind == ABSENT) {
      return invalid(null, missing("deployment", "status"));
    }
    if (!id.nonEmpty()) {
      return invalid("id", notString("deployment", "id"));
    }
    if (!service.nonEmpty()) {
      return invalid("service", notString("deployment", "service"));
    }
    if (env.kind != STRING) {
      return invalid("environment", "deployment: field 'environment' must be a string");
    }
    if (status.kind != STRING) {
      return invalid("status", "deployment: field 'status' must be a string");
    }
    if (kCommits == OTHER || kCommits == LIST_BAD) {
      return invalid("commits", "deployment: field 'commits' must be a list of strings");
    }
    long fin = time(finished, "finished_at");
    if (fin == Timestamps.INVALID) {
      return invalid("finished_at", badTime("deployment", "finished_at"));
    }
    int n = kCommits == LIST_OK ? nCommits : 0;
    if (id.bytes != null && (rollbackOf.bytes != null || !rollbackOf.nonEmpty())) {
      boolean of = rollbackOf.nonEmpty();
      store.deployment(
          id.bytes, id.off, id.len, service.id(store.services), valueId(env), valueId(status), fin,
          commitKeys, n, kRollback == TRUE, kHotfix == TRUE, of ? rollbackOf.bytes : null,
          of ? rollbackOf.off : 0, of ? rollbackOf.len : 0);
      return null;
    }
    if (commitsPacked && n > 0) {
      store.shaIds(commitKeys, n, commits);
    }
    store.deployment(
        id.id(store.depIds),
        service.id(store.services),
        env.valueId(store),
        status.valueId(store),
        fin,
        commits,
        n,
        kRollback == TRUE,
        kHotfix == TRUE,
        rollbackOf.nonEmpty() ? rollbackOf.id(store.depIds) : -1);
    return null;
  }

  private static String badTime(String event, String field) {
    return event + ": field '" + field + "' must be an RFC 3339 timestamp";
  }

  /** The value of a timestamp field as the reference's parse_ts: absent/null -> NONE, bad -> INVALID. */
  private long time(Stamp s, String field) {
    switch (s.kind) {
      case ABSENT:
      case NULL:
        return EventStore.NONE;
      case STRING:
        if (s.noOffset) {
          store.count(Counter.TIMESTAMPS_WITHOUT_OFFSET);
          if (noOffsetField == null) {
            noOffsetField = field;
          }
        }
        return s.value;
      default:
        return Timestamps.INVALID;
    }
  }

  /**
   * Environment and status values repeat from line to line, so the ids of the last few short ones are kept by
   * their bytes: eight entries, each a value of at most 16 bytes as two words and its length.
   */
  private final long[] memoWords = new long[16];
  private final int[] memoLen = new int[8];
  private final int[] memoId = new int[8];

  {
    Arrays.fill(memoLen, -1);
  }

  private int valueId(Text t) {
    byte[] b = t.bytes;
    int len = t.len;
    if (b == null || len > 16 || t.off + 16 > b.length) {
      return t.valueId(store);
    }
    long w0 = (long) LONGS.get(b, t.off);
    long w1 = (long) LONGS.get(b, t.off + 8);
    if (len < 8) {
      w0 &= (1L << (8 * len)) - 1;
      w1 = 0;
    } else if (len < 16) {
      w1 &= (1L << (8 * (len - 8))) - 1;
    }
    int slot = (int) (((w0 ^ (w1 * 31) ^ len) * 0x9E3779B97F4A7C15L) >>> 61);
    if (memoLen[slot] == len && memoWords[2 * slot] == w0 && memoWords[2 * slot + 1] == w1) {
      return memoId[slot];
    }
    int id = t.valueId(store);
    memoLen[slot] = len;
    memoWords[2 * slot] = w0;
    memoWords[2 * slot + 1] = w1;
    memoId[slot] = id;
    return id;
  }

  private String change() {
    if (kSha == ABSENT) {
      return invalid(null, missing("change", "sha"));
    }
    if (kSha != STRING || shaEmpty) {
      return invalid("sha", notString("change", "sha"));
    }
    long t = time(committed, "committed_at");
    if (t == Timestamps.INVALID) {
      return invalid("committed_at", badTime("change", "committed_at"));
    }
    if (t == EventStore.NONE) {
      t = time(authored, "authored_at");
      if (t == Timestamps.INVALID) {
        return invalid("authored_at", badTime("change", "authored_at"));
      }
    }
    if (shaPacked) {
      store.change(shaKey[0], shaKey[1], shaKey[2], t);
    } else if (shaBytes != null) {
      store.change(shaBytes, shaFrom, shaLen, t);
    } else {
      store.change(sha, t);
    }
    return null;
  }

  private String incident() {
    if (id.kind == ABSENT) {
      return invalid(null, missing("incident", "id"));
    }
    if (service.kind == ABSENT) {
      return invalid(null, missing("incident", "service"));
    }
    if (opened.kind == ABSENT) {
      return invalid(null, missing("incident", "opened_at"));
    }
    long o = time(opened, "opened_at");
    if (o == Timestamps.INVALID) {
      return invalid("opened_at", badTime("incident", "opened_at"));
    }
    if (!id.nonEmpty()) {
      return invalid("id", notString("incident", "id"));
    }
    if (!service.nonEmpty()) {
      return invalid("service", notString("incident", "service"));
    }
    if (o == EventStore.NONE) {
      return invalid("opened_at", "incident: field 'opened_at' must not be null");
    }
    long r = time(resolved, "resolved_at");
    if (r == Timestamps.INVALID) {
      return invalid("resolved_at", badTime("incident", "resolved_at"));
    }
    store.incident(
        id.id(store.incIds),
        service.id(store.services),
        o,
        r,
        kCausedBy == STRING && !causedBy.isEmpty() ? causedBy : null,
        kRootSha == STRING && !rootSha.isEmpty() ? rootSha : null);
    return null;
  }
}
