package dev.portolan.dora.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Dense ids for strings, found from a byte or character range without allocating. Strings whose characters all
 * fit in one byte (ISO-8859-1) are kept in a byte arena and hashed eight bytes at a time; others are kept as
 * strings. Each id's hash is kept, so growing the table and taking over another table re-hash nothing. Not
 * thread-safe.
 */
final class StringTable {

  private static final long EMPTY = 0L;
  private static final long FP = 0xffffffff00000000L;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Slot: the high 32 bits of the id's hash, then the id plus one; {@link #EMPTY} (zero) when free, so a new array
   * needs no filling.
   */
  private long[] slots = new long[1 << 10];
  private int mask = slots.length - 1;
  private byte[] arena = new byte[1 << 12];
  private int arenaSize;
  /** Start of each id's bytes in the arena; -1 for ids kept in {@link #wide}. */
  private int[] start = new int[1 << 8];
  private int[] length = new int[1 << 8];
  private long[] hashes = new long[1 << 8];
  private final Map<String, Integer> wide = new HashMap<>();
  private final Map<Integer, String> wideById = new HashMap<>();
  private int size;
  /** Characters of a narrow string given as chars, as bytes. */
  private byte[] scratch = new byte[64];

  StringTable() {}

  int size() {
    return size;
  }

  /**
   * The id of the ISO-8859-1 string in a byte range, added when new.
   *
   * @param b the bytes
   * @param off the first byte
   * @param len the number of bytes
   * @return the id
   */
  int id(byte[] b, int off, int len) {
    return id(b, off, len, hash(b, off, len));
  }

  /** The id of the string, added when new. */
  int id(char[] c, int off, int len) {
    byte[] s = narrow(c, off, len);
    return s == null ? wideId(new String(c, off, len)) : id(s, 0, len);
  }

  int id(String s) {
    return id(s.toCharArray(), 0, s.length());
  }

  /** The characters as bytes in {@link #scratch}, or null when one does not fit in a byte. */
  private byte[] narrow(char[] c, int off, int len) {
    if (scratch.length < len) {
      scratch = new byte[Math.max(len, scratch.length * 2)];
    }
    byte[] s = scratch;
    for (int i = 0; i < len; i++) {
      char ch = c[off + i];
      if (ch > 0xFF) {
        return null;
      }
      s[i] = (byte) ch;
    }
    return s;
  }

  /** The id of the string in a byte range whose {@link #hash} is known, added when new. */
  int id(byte[] b, int off, int len, long h) {
    long fp = h & FP;
    int i = (int) h & mask;
    long[] t = slots;
    while (true) {
      long s = t[i];
      if (s == EMPTY) {
        int n = add(b, off, len, h);
        t[i] = fp | (n + 1L);
        if (size * 3L > t.length * 2L) {
          rehash();
        }
        return n;
      }
      if ((s & FP) == fp && equal((int) s - 1, b, off, len)) {
        return (int) s - 1;
      }
      i = (i + 1) & mask;
    }
  }

  /** The id of the string, or -1 when it was never added. */
  int find(String s) {
    char[] c = s.toCharArray();
    int len = c.length;
    byte[] b = narrow(c, 0, len);
    if (b == null) {
      Integer w = wide.get(s);
      return w == null ? -1 : w;
    }
    long h = hash(b, 0, len);
    long fp = h & FP;
    int i = (int) h & mask;
    while (true) {
      long sl = slots[i];
      if (sl == EMPTY) {
        return -1;
      }
      if ((sl & FP) == fp && equal((int) sl - 1, b, 0, len)) {
        return (int) sl - 1;
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

  /** Whether an id's bytes are the range's; compared eight bytes at a time, as the strings are short. */
  private boolean equal(int id, byte[] b, int off, int len) {
    int st = start[id];
    if (length[id] != len || st < 0) {
      return false;
    }
    byte[] a = arena;
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      if ((long) LONGS.get(a, st + i) != (long) LONGS.get(b, off + i)) {
        return false;
      }
    }
    if (i < len && len >= 8) {
      return (long) LONGS.get(a, st + len - 8) == (long) LONGS.get(b, off + len - 8);
    }
    for (; i < len; i++) {
      if (a[st + i] != b[off + i]) {
        return false;
      }
    }
    return true;
  }

  private int add(byte[] b, int off, int len, long h) {
    if (arenaSize + len > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arenaSize + len, arena.length + (arena.length >> 1)));
    }
    System.arraycopy(b, off, arena, arenaSize, len);
    int n = newId(arenaSize, len);
    hashes[n] = h;
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
    grow(slots.length * 2);
  }

  private void grow(int capacity) {
    long[] n = new long[capacity];
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
      n[i] = (h & FP) | (id + 1L);
    }
    slots = n;
    mask = m;
  }

  /** Loads folded into this field keep the JIT from dropping the reads that warm the slots of a batch. */
  private long sink;

  /**
   * Reads the slots that strings of these hashes start probing at, so that when a batch is read before any is
   * looked up their cache misses overlap.
   *
   * @param h the hashes
   * @param n how many there are
   */
  void touch(long[] h, int n) {
    long[] t = slots;
    int m = mask;
    long s = 0;
    for (int k = 0; k < n; k++) {
      s += t[(int) h[k] & m];
    }
    sink += s;
  }

  /**
   * The ids another table's strings have in this one, adding those it lacks in the other table's id order. The
   * kept hashes are reused and the slots of a batch are read before any is probed, so their cache misses overlap.
   *
   * @param other the table to take over
   * @return for each id of {@code other}, its id here
   */
  int[] absorb(StringTable other) {
    int[] map = new int[other.size];
    long need = (size + (long) other.size) * 3L / 2L + 1;
    if (need > slots.length) {
      grow(Integer.highestOneBit((int) Math.min(need, 1 << 30)) << 1);
    }
    // Room for all of the other's strings at once: every step of growth of a large array costs a collection.
    if (arenaSize + (long) other.arenaSize > arena.length) {
      arena = Arrays.copyOf(arena, Math.toIntExact(arenaSize + (long) other.arenaSize));
    }
    if (size + other.size > start.length) {
      int cap = size + other.size;
      start = Arrays.copyOf(start, cap);
      length = Arrays.copyOf(length, cap);
      hashes = Arrays.copyOf(hashes, cap);
    }
    int batch = 32;
    for (int from = 0; from < other.size; from += batch) {
      int to = Math.min(other.size, from + batch);
      long s = 0;
      for (int id = from; id < to; id++) {
        s += slots[(int) other.hashes[id] & mask];
      }
      sink += s;
      for (int id = from; id < to; id++) {
        int st = other.start[id];
        map[id] =
            st < 0
                ? wideId(other.wideById.get(id))
                : id(other.arena, st, other.length[id], other.hashes[id]);
      }
    }
    return map;
  }

  /** A hash of a byte range: eight bytes at a time, then a final mix; the same for equal ranges anywhere. */
  static long hash(byte[] b, int off, int len) {
    long h = len * 0x9E3779B97F4A7C15L;
    int i = off;
    int end = off + len;
    while (i + 8 <= end) {
      h = Long.rotateLeft((h ^ (long) LONGS.get(b, i)) * 0xBF58476D1CE4E5B9L, 29);
      i += 8;
    }
    int r = end - i;
    if (r > 0) {
      long w;
      if (len >= 8) {
        w = (long) LONGS.get(b, end - 8) >>> (8 * (8 - r));
      } else if (off + 8 <= b.length) {
        w = (long) LONGS.get(b, off) & ((1L << (8 * r)) - 1);
      } else {
        w = 0;
        for (int k = end - 1; k >= i; k--) {
          w = (w << 8) | (b[k] & 0xFF);
        }
      }
      h = Long.rotateLeft((h ^ w) * 0xBF58476D1CE4E5B9L, 29);
    }
    h ^= h >>> 31;
    h *= 0x94D049BB133111EBL;
    return h ^ (h >>> 32);
  }
}
