package dev.portolan.dora.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Dense ids for commit shas. A 40-character lower-case hex sha is packed into 20 bytes and found without
 * allocating; any other string is kept as is. Not thread-safe.
 */
final class ShaTable {

  private static final long EMPTY = -1L;

  /** Open addressing: each slot holds (32-bit fingerprint << 32 | id), so probing rarely touches the keys. */
  private long[] slots = new long[1 << 16];
  private int mask = slots.length - 1;
  /** Packed keys, three longs per id (high 64 bits, middle 64 bits, low 32 bits). */
  private long[] keys = new long[3 << 14];
  /** For ids of strings that are not packed: the string. */
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
      return packed(hex(c, off, 16), hex(c, off + 16, 16), hex(c, off + 32, 8));
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
    appendHex(sb, keys[3 * id], 16);
    appendHex(sb, keys[3 * id + 1], 16);
    appendHex(sb, keys[3 * id + 2], 8);
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

  private int packed(long a, long b, long d) {
    long h = mix(a, b, d);
    long fp = h & 0xffffffff00000000L;
    int i = (int) h & mask;
    while (true) {
      long s = slots[i];
      if (s == EMPTY) {
        int n = newId(a, b, d);
        slots[i] = fp | n;
        if (size * 3L > slots.length * 2L) {
          rehash();
        }
        return n;
      }
      if ((s & 0xffffffff00000000L) == fp) {
        int id = (int) s;
        int k = 3 * id;
        if (keys[k] == a && keys[k + 1] == b && keys[k + 2] == d) {
          return id;
        }
      }
      i = (i + 1) & mask;
    }
  }

  private int newId(long a, long b, long d) {
    if (3 * size + 3 > keys.length) {
      keys = Arrays.copyOf(keys, keys.length + (keys.length >> 1) + 3);
    }
    keys[3 * size] = a;
    keys[3 * size + 1] = b;
    keys[3 * size + 2] = d;
    return size++;
  }

  private void rehash() {
    long[] n = new long[slots.length * 2];
    Arrays.fill(n, EMPTY);
    int m = n.length - 1;
    for (long s : slots) {
      if (s != EMPTY) {
        int id = (int) s;
        int i = (int) mix(keys[3 * id], keys[3 * id + 1], keys[3 * id + 2]) & m;
        while (n[i] != EMPTY) {
          i = (i + 1) & m;
        }
        n[i] = s;
      }
    }
    slots = n;
    mask = m;
  }

  private static long mix(long a, long b, long d) {
    long h = a * 0x9E3779B97F4A7C15L ^ b * 0xC2B2AE3D27D4EB4FL ^ d * 0x165667B19E3779F9L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 32);
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
