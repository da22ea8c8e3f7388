package dev.portolan.dora.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Dense ids for commit shas. A 40-character lower-case hex sha is packed into 20 bytes and kept inline in an
 * open-addressing table (three longs per slot), so a lookup reads one run of adjacent memory and allocates
 * nothing. The table is split into segments by the hash's top bits, each grown on its own: no array is more than
 * a sixteenth of the table, which a fragmented heap finds room for, and growing holds one segment twice rather
 * than the whole table. Any other string is kept as a string. Not thread-safe.
 */
final class ShaTable {

  private static final byte[] NIBBLE = new byte[128];

  static {
    java.util.Arrays.fill(NIBBLE, (byte) -1);
    for (int i = 0; i < 10; i++) {
      NIBBLE['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      NIBBLE['a' + i] = (byte) (10 + i);
    }
  }

  private static final int SEGMENT_BITS = 4;
  private static final int SEGMENTS = 1 << SEGMENT_BITS;

  /**
   * Segment s, slot k: tables[s][3k] = high 64 bits, [3k+1] = middle 64 bits, [3k+2] = low 32 bits << 32 | id+1
   * (zero when free).
   */
  private final long[][] tables = new long[SEGMENTS][];
  private final int[] masks = new int[SEGMENTS];
  /** Packed shas per segment. */
  private final int[] counts = new int[SEGMENTS];
  private final Map<String, Integer> other = new HashMap<>();
  private int size;

  ShaTable() {
    for (int s = 0; s < SEGMENTS; s++) {
      tables[s] = new long[3 << 8];
      masks[s] = (1 << 8) - 1;
    }
  }

  int size() {
    return size;
  }

  /** The segment of a hash: its top bits, which slot indexes (its low bits) do not use. */
  private static int segment(long h) {
    return (int) (h >>> (64 - SEGMENT_BITS));
  }

  int id(char[] c, int off, int len) {
    if (len == 40) {
      long a = 0;
      long b = 0;
      long d = 0;
      int bad = 0;
      for (int i = 0; i < 16; i++) {
        int x = nibble(c[off + i]);
        bad |= x;
        a = (a << 4) | (x & 0xf);
      }
      for (int i = 16; i < 32; i++) {
        int x = nibble(c[off + i]);
        bad |= x;
        b = (b << 4) | (x & 0xf);
      }
      for (int i = 32; i < 40; i++) {
        int x = nibble(c[off + i]);
        bad |= x;
        d = (d << 4) | (x & 0xf);
      }
      if (bad >= 0) {
        return packed(a, b, d);
      }
    }
    return otherId(new String(c, off, len));
  }

  int id(String s) {
    return id(s.toCharArray(), 0, s.length());
  }

  /** The id of an ASCII sha given as bytes. */
  int id(byte[] c, int off, int len) {
    long[] k = one;
    if (pack(c, off, len, k, 0)) {
      return packed(k[0], k[1], k[2]);
    }
    return otherId(new String(c, off, len, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  private final long[] one = new long[3];

  private static int nibble(char ch) {
    return ch < 128 ? NIBBLE[ch] : -1;
  }

  private int otherId(String s) {
    Integer id = other.get(s);
    if (id != null) {
      return id;
    }
    int n = size++;
    other.put(s, n);
    return n;
  }

  /** Loads folded into this field keep the JIT from dropping {@link #touch}. */
  private long sink;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * Packs a 40-character lower-case hex sha given as bytes into three longs at {@code key[at..at+2]}: the first
   * 16 digits, the next 16, the last 8, each read as a big-endian hex number.
   *
   * @return false when the text is not such a sha
   */
  static boolean pack(byte[] c, int off, int len, long[] key, int at) {
    if (len != 40) {
      return false;
    }
    long w0 = hex8(c, off);
    long w1 = hex8(c, off + 8);
    long w2 = hex8(c, off + 16);
    long w3 = hex8(c, off + 24);
    long w4 = hex8(c, off + 32);
    key[at] = (w0 << 32) | w1;
    key[at + 1] = (w2 << 32) | w3;
    key[at + 2] = w4;
    return (w0 | w1 | w2 | w3 | w4) >= 0;
  }

  /**
   * The value of eight lower-case hex digits at {@code b[i..i+8)}, all eight checked and converted at once in
   * one long; -1 when one is not {@code [0-9a-f]}.
   */
  static long hex8(byte[] b, int i) {
    long x = (long) LONGS.get(b, i);
    // With every byte below 0x80, these sums carry nothing between bytes: each byte's high bit tells one range.
    long digit = (x + 0x5050505050505050L) & ~(x + 0x4646464646464646L);
    long letter = (x + 0x1F1F1F1F1F1F1F1FL) & ~(x + 0x1919191919191919L);
    if (((digit | letter) & ~x & HIGHS) != HIGHS) {
      return -1;
    }
    long n = (x & 0x0F0F0F0F0F0F0F0FL) + ((letter & HIGHS) >>> 7) * 9;
    // Byte k holds digit k; gather them into one big-endian number.
    long p = ((n & 0x000F000F000F000FL) << 4) | ((n >>> 8) & 0x000F000F000F000FL);
    long q = ((p & 0x000000FF000000FFL) << 8) | ((p >>> 16) & 0x000000FF000000FFL);
    return ((q & 0xFFFFL) << 16) | ((q >>> 32) & 0xFFFFL);
  }

  /**
   * Reads the slots of n packed shas ({@code key[3j..3j+2]}, skipping those whose third long is negative), so
   * their cache misses overlap before any is looked up. A slot is 24 bytes, so one in four spans two cache lines,
   * and a lookup often goes on to the next slot: the first long of each slot and the last of the one after are
   * read, which brings in every line the lookup is likely to need.
   */
  void touch(long[] key, int n) {
    long s = 0;
    for (int j = 0; j < n; j++) {
      long d = key[3 * j + 2];
      if (d >= 0) {
        long h = mix(key[3 * j], key[3 * j + 1], d);
        int g = segment(h);
        s += ends(tables[g], 3 * ((int) h & masks[g]));
      }
    }
    sink += s;
  }

  /**
   * Reads the slot a packed sha hashes to and the one after (as {@link #touch(long[], int)} does), so that when
   * several are touched before any is looked up their cache misses overlap instead of coming one after another.
   */
  void touch(long a, long b, long d) {
    long h = mix(a, b, d);
    int g = segment(h);
    sink += ends(tables[g], 3 * ((int) h & masks[g]));
  }

  /** The first long of the slot at {@code k} plus the last of the slot after it (or of the table). */
  private static long ends(long[] t, int k) {
    return t[k] + t[Math.min(k + 5, t.length - 1)];
  }

  /** The id of a packed sha, added when new. */
  int packed(long a, long b, long d) {
    long h = mix(a, b, d);
    int g = segment(h);
    int m = masks[g];
    int i = (int) h & m;
    long[] t = tables[g];
    while (true) {
      int k = 3 * i;
      long tail = t[k + 2];
      if (tail == 0) {
        int n = size++;
        t[k] = a;
        t[k + 1] = b;
        t[k + 2] = (d << 32) | (n + 1L);
        if (++counts[g] * 5L > (m + 1L) * 4L) {
          rehash(g);
        }
        return n;
      }
      if ((tail >>> 32) == d && t[k] == a && t[k + 1] == b) {
        return (int) tail - 1;
      }
      i = (i + 1) & m;
    }
  }

  /** Doubles one segment. */
  private void rehash(int g) {
    int slots = (masks[g] + 1) * 2;
    long[] n = new long[3 * slots];
    int m = slots - 1;
    long[] t = tables[g];
    for (int k = 0; k < t.length; k += 3) {
      if (t[k + 2] != 0) {
        int i = (int) mix(t[k], t[k + 1], t[k + 2] >>> 32) & m;
        while (n[3 * i + 2] != 0) {
          i = (i + 1) & m;
        }
        n[3 * i] = t[k];
        n[3 * i + 1] = t[k + 1];
        n[3 * i + 2] = t[k + 2];
      }
    }
    tables[g] = n;
    masks[g] = m;
  }

  /**
   * Grows this table, when needed, to take in all of another's shas without growing again. A merge does this
   * before anything else of it runs, so the two tables' arrays are not held beside other new arrays.
   *
   * @param other the table that will be absorbed
   */
  void reserveFor(ShaTable other) {
    for (int g = 0; g < SEGMENTS; g++) {
      while ((counts[g] + (long) other.counts[g]) * 5L > (masks[g] + 1L) * 4L) {
        rehash(g);
      }
    }
  }

  /**
   * The ids another table's shas have in this one, adding those it lacks.
   *
   * @param other the table to take over
   * @return for each id of {@code other}, its id here
   */
  int[] absorb(ShaTable other) {
    reserveFor(other);
    int[] map = new int[other.size];
    int[] batch = new int[64];
    for (long[] t : other.tables) {
      int n = 0;
      for (int k = 0; k <= t.length; k += 3) {
        if (k < t.length && t[k + 2] != 0) {
          touch(t[k], t[k + 1], t[k + 2] >>> 32);
          batch[n++] = k;
        }
        if (n == batch.length || (k == t.length && n > 0)) {
          for (int j = 0; j < n; j++) {
            int s = batch[j];
            long tail = t[s + 2];
            map[(int) tail - 1] = packed(t[s], t[s + 1], tail >>> 32);
          }
          n = 0;
        }
      }
    }
    other.other.forEach((s, id) -> map[id] = otherId(s));
    return map;
  }

  private static long mix(long a, long b, long d) {
    long h = a * 0x9E3779B97F4A7C15L ^ b * 0xC2B2AE3D27D4EB4FL ^ d * 0x165667B19E3779F9L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 32);
  }
}
