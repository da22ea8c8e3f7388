package dev.portolan.dora.internal;

import java.util.Arrays;

/** A set of longs in one open-addressing array, without boxing. Not thread-safe. */
final class LongSet {

  /** Marks a free slot; the one value kept aside in {@link #hasFree}. */
  private static final long FREE = Long.MIN_VALUE;

  private long[] slots = new long[1 << 4];
  private int size;
  private boolean hasFree;

  LongSet() {
    Arrays.fill(slots, FREE);
  }

  /**
   * Adds a value.
   *
   * @param v the value
   * @return true when it was not in the set yet
   */
  boolean add(long v) {
    if (v == FREE) {
      boolean added = !hasFree;
      hasFree = true;
      return added;
    }
    long[] t = slots;
    int m = t.length - 1;
    int i = (int) mix(v) & m;
    while (true) {
      long s = t[i];
      if (s == v) {
        return false;
      }
      if (s == FREE) {
        t[i] = v;
        if (++size * 2 > t.length) {
          grow();
        }
        return true;
      }
      i = (i + 1) & m;
    }
  }

  /**
   * Whether a value is in the set.
   *
   * @param v the value
   * @return true when it was added
   */
  boolean contains(long v) {
    if (v == FREE) {
      return hasFree;
    }
    long[] t = slots;
    int m = t.length - 1;
    int i = (int) mix(v) & m;
    while (true) {
      long s = t[i];
      if (s == v) {
        return true;
      }
      if (s == FREE) {
        return false;
      }
      i = (i + 1) & m;
    }
  }

  private void grow() {
    long[] old = slots;
    long[] t = new long[old.length * 2];
    Arrays.fill(t, FREE);
    int m = t.length - 1;
    for (long v : old) {
      if (v != FREE) {
        int i = (int) mix(v) & m;
        while (t[i] != FREE) {
          i = (i + 1) & m;
        }
        t[i] = v;
      }
    }
    slots = t;
  }

  private static long mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    h ^= h >>> 32;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 29);
  }
}
