package dev.portolan.dora.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Dense ids for strings, found from a character range without allocating. Strings whose characters all fit in
 * one byte are kept in a byte arena; others are kept as strings. Not thread-safe.
 */
final class StringTable {

  private static final long EMPTY = -1L;

  private long[] slots = new long[1 << 10];
  private int mask = slots.length - 1;
  private byte[] arena = new byte[1 << 12];
  private int arenaSize;
  /** Start of each id's bytes in the arena; -1 for ids kept in {@link #wide}. */
  private int[] start = new int[1 << 8];
  private int[] length = new int[1 << 8];
  /** The mixed hash of each id, so growing the table reads ids in order instead of re-hashing the arena. */
  private long[] hashes = new long[1 << 8];
  private final Map<String, Integer> wide = new HashMap<>();
  private final Map<Integer, String> wideById = new HashMap<>();
  private int size;

  StringTable() {
    Arrays.fill(slots, EMPTY);
  }

  int size() {
    return size;
  }

  /** The id of the string, added when new. */
  int id(char[] c, int off, int len) {
    int h = 0;
    for (int i = off; i < off + len; i++) {
      char ch = c[i];
      if (ch > 0xFF) {
        return wideId(new String(c, off, len));
      }
      h = 31 * h + ch;
    }
    long m = mix(h, len);
    long fp = m & 0xffffffff00000000L;
    int i = (int) m & mask;
    while (true) {
      long s = slots[i];
      if (s == EMPTY) {
        int n = add(c, off, len);
        hashes[n] = m;
        slots[i] = fp | n;
        if (size * 3L > slots.length * 2L) {
          rehash();
        }
        return n;
      }
      if ((s & 0xffffffff00000000L) == fp && equal((int) s, c, off, len)) {
        return (int) s;
      }
      i = (i + 1) & mask;
    }
  }

  int id(String s) {
    return id(s.toCharArray(), 0, s.length());
  }

  /** The id of the string, or -1 when it was never added. */
  int find(String s) {
    char[] c = s.toCharArray();
    int len = c.length;
    int h = 0;
    for (char ch : c) {
      if (ch > 0xFF) {
        Integer w = wide.get(s);
        return w == null ? -1 : w;
      }
      h = 31 * h + ch;
    }
    long m = mix(h, len);
    long fp = m & 0xffffffff00000000L;
    int i = (int) m & mask;
    while (true) {
      long sl = slots[i];
      if (sl == EMPTY) {
        return -1;
      }
      if ((sl & 0xffffffff00000000L) == fp && equal((int) sl, c, 0, len)) {
        return (int) sl;
      }
      i = (i + 1) & mask;
    }
  }

  String text(int id) {
    int st = start[id];
    if (st < 0) {
      return wideById.get(id);
    }
    return new String(arena, st, length[id], StandardCharsets.ISO_8859_1);
  }

  private boolean equal(int id, char[] c, int off, int len) {
    if (length[id] != len || start[id] < 0) {
      return false;
    }
    int st = start[id];
    for (int k = 0; k < len; k++) {
      if ((arena[st + k] & 0xFF) != c[off + k]) {
        return false;
      }
    }
    return true;
  }

  private int add(char[] c, int off, int len) {
    if (arenaSize + len > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arenaSize + len, arena.length + (arena.length >> 1)));
    }
    for (int k = 0; k < len; k++) {
      arena[arenaSize + k] = (byte) c[off + k];
    }
    int n = newId(arenaSize, len);
    arenaSize += len;
    return n;
  }

  private int newId(int st, int len) {
    if (size == start.length) {
      int cap = start.length + (start.length >> 1);
      start = Arrays.copyOf(start, cap);
      length = Arrays.copyOf(length, cap);
      hashes = Arrays.copyOf(hashes, cap);
    }
    start[size] = st;
    length[size] = len;
    return size++;
  }

  private int wideId(String s) {
    Integer w = wide.get(s);
    if (w != null) {
      return w;
    }
    int n = newId(-1, s.length());
    wide.put(s, n);
    wideById.put(n, s);
    return n;
  }

  private void rehash() {
    long[] n = new long[slots.length * 2];
    Arrays.fill(n, EMPTY);
    int m = n.length - 1;
    for (int id = 0; id < size; id++) {
      if (start[id] < 0) {
        continue;
      }
      long h = hashes[id];
      int i = (int) h & m;
      while (n[i] != EMPTY) {
        i = (i + 1) & m;
      }
      n[i] = (h & 0xffffffff00000000L) | id;
    }
    slots = n;
    mask = m;
  }

  private static long mix(int h, int len) {
    long x = (h & 0xffffffffL) * 0x9E3779B97F4A7C15L + len;
    x ^= x >>> 31;
    x *= 0xBF58476D1CE4E5B9L;
    return x ^ (x >>> 29);
  }
}
