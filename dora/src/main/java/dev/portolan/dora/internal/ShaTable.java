package dev.portolan.dora.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Dense ids for commit shas. A 40-character lower-case hex sha is packed into 20 bytes and found without
 * allocating; any other string is kept as is. Not thread-safe.
 */
final class ShaTable {

  private static final int EMPTY = -1;

  private int[] slots = new int[1 << 16];
  private int mask = slots.length - 1;
  private long[] hi = new long[1 << 14];
  private long[] mid = new long[1 << 14];
  private int[] lo = new int[1 << 14];
  /** For ids of strings that are not packed: the string. Null entries for packed ids. */
  private final Map<String, Integer> other = new HashMap<>();
  private final Map<Integer, String> otherById = new HashMap<>();
  private int size;

  ShaTable() {
    Arrays.fill(slots, EMPTY);
  }

  int size() {
    return size;
  }

  int id(char[] c, int off, int len) {
    if (len == 40 && allHex(c, off, 40)) {
      return packed(hex(c, off, 16), hex(c, off + 16, 16), (int) hex(c, off + 32, 8));
    }
    return otherId(new String(c, off, len));
  }

  int id(String s) {
    return id(s.toCharArray(), 0, s.length());
  }

  String text(int id) {
    String s = otherById.get(id);
    if (s != null) {
      return s;
    }
    StringBuilder sb = new StringBuilder(40);
    appendHex(sb, hi[id], 16);
    appendHex(sb, mid[id], 16);
    appendHex(sb, lo[id] & 0xffffffffL, 8);
    return sb.toString();
  }

  private static void appendHex(StringBuilder sb, long v, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      sb.append(Character.forDigit((int) (v >>> (i * 4)) & 0xf, 16));
    }
  }

  private int otherId(String s) {
    Integer id = other.get(s);
    if (id != null) {
      return id;
    }
    int n = newId(0, 0, 0);
    other.put(s, n);
    otherById.put(n, s);
    return n;
  }

  private int packed(long a, long b, int d) {
    int h = mix(a, b, d);
    int i = h & mask;
    while (true) {
      int s = slots[i];
      if (s == EMPTY) {
        int n = newId(a, b, d);
        slots[i] = n;
        if (size * 3L > slots.length * 2L) {
          rehash();
        }
        return n;
      }
      if (hi[s] == a && mid[s] == b && lo[s] == d) {
        return s;
      }
      i = (i + 1) & mask;
    }
  }

  private int newId(long a, long b, int d) {
    if (size == hi.length) {
      int cap = hi.length + (hi.length >> 1);
      hi = Arrays.copyOf(hi, cap);
      mid = Arrays.copyOf(mid, cap);
      lo = Arrays.copyOf(lo, cap);
    }
    hi[size] = a;
    mid[size] = b;
    lo[size] = d;
    return size++;
  }

  private void rehash() {
    int[] n = new int[slots.length * 2];
    Arrays.fill(n, EMPTY);
    int m = n.length - 1;
    for (int s : slots) {
      if (s != EMPTY) {
        int i = mix(hi[s], mid[s], lo[s]) & m;
        while (n[i] != EMPTY) {
          i = (i + 1) & m;
        }
        n[i] = s;
      }
    }
    slots = n;
    mask = m;
  }

  private static int mix(long a, long b, int d) {
    long h = a * 0x9E3779B97F4A7C15L ^ b * 0xC2B2AE3D27D4EB4FL ^ d * 0x165667B19E3779F9L;
    h ^= h >>> 29;
    return (int) (h ^ (h >>> 32));
  }

  private static boolean allHex(char[] c, int off, int n) {
    for (int i = off; i < off + n; i++) {
      if (nibble(c[i]) < 0) {
        return false;
      }
    }
    return true;
  }

  private static long hex(char[] c, int off, int n) {
    long v = 0;
    for (int i = off; i < off + n; i++) {
      v = (v << 4) | nibble(c[i]);
    }
    return v;
  }

  private static int nibble(char ch) {
    if (ch >= '0' && ch <= '9') {
      return ch - '0';
    }
    if (ch >= 'a' && ch <= 'f') {
      return ch - 'a' + 10;
    }
    return -1;
  }
}
