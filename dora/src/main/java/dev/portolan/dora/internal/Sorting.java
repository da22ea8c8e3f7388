package dev.portolan.dora.internal;

import java.util.Arrays;

/** Primitive sorts that avoid chasing object pointers for every comparison. */
final class Sorting {

  /** The most bits of the leading digit a single distribution pass goes by. */
  private static final int MAX_TOP_BITS = 20;

  private Sorting() {}

  /**
   * The permutation that orders {@code keys} ascending, stable.
   *
   * @param keys the keys (not modified)
   * @return indexes into keys, in key order; equal keys keep their index order
   */
  static int[] order(long[] keys) {
    return order(keys, new long[keys.length]);
  }

  /**
   * The permutation that orders {@code keys} ascending, stable, with the keys in that order.
   *
   * <p>When what is left of a key below its leading bits (as an offset from the least key; as many leading bits
   * as make about four keys per bucket, at most 20) fits beside its index in one long, the keys are distributed
   * once by those leading bits and each bucket of (rest, index) longs is sorted on its own, in cache. Otherwise a least-significant-digit radix sort over 16-bit
   * digits is used, skipping digits where every key agrees.
   *
   * @param keys the keys (not modified)
   * @param sorted receives the keys in order; its length is at least that of keys
   * @return indexes into keys, in key order; equal keys keep their index order
   */
  static int[] order(long[] keys, long[] sorted) {
    int n = keys.length;
    if (n < 2) {
      if (n == 1) {
        sorted[0] = keys[0];
      }
      return new int[n];
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long k : keys) {
      min = Math.min(min, k);
      max = Math.max(max, k);
    }
    // Offsets from the least key, read as unsigned: they fit in 64 bits even when max - min overflows a long.
    long range = max - min;
    int bits = 64 - Long.numberOfLeadingZeros(range);
    int idxBits = 32 - Integer.numberOfLeadingZeros(n - 1);
    int top = Math.min(bits, Math.max(1, Math.min(MAX_TOP_BITS, idxBits - 2)));
    int low = bits - top;
    if (low + idxBits <= 63) {
      return byLeadingDigit(keys, sorted, min, top, low, idxBits);
    }
    return byDigits(keys, sorted, min, range);
  }

  private static int[] byLeadingDigit(long[] keys, long[] sorted, long min, int top, int low, int idxBits) {
    int n = keys.length;
    long lowMask = (1L << low) - 1;
    int[] start = new int[(1 << top) + 1];
    for (long key : keys) {
      start[(int) ((key - min) >>> low) + 1]++;
    }
    for (int d = 1; d < start.length; d++) {
      start[d] += start[d - 1];
    }
    int[] next = Arrays.copyOf(start, start.length - 1);
    long[] packed = sorted;
    for (int i = 0; i < n; i++) {
      long k = keys[i] - min;
      packed[next[(int) (k >>> low)]++] = ((k & lowMask) << idxBits) | i;
    }
    int[] idx = new int[n];
    long idxMask = (1L << idxBits) - 1;
    for (int d = 0; d < start.length - 1; d++) {
      int from = start[d];
      int to = start[d + 1];
      if (to - from > 1) {
        Arrays.sort(packed, from, to);
      }
      long high = ((long) d << low) + min;
      for (int p = from; p < to; p++) {
        long v = packed[p];
        idx[p] = (int) (v & idxMask);
        packed[p] = high + (v >>> idxBits);
      }
    }
    return idx;
  }

  private static int[] byDigits(long[] keys, long[] sorted, long min, long range) {
    int n = keys.length;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    long[] k = new long[n];
    for (int i = 0; i < n; i++) {
      k[i] = keys[i] - min;
    }
    long[] k2 = new long[n];
    int[] idx2 = new int[n];
    int[] count = new int[1 << 16];
    for (int shift = 0; shift < 64 && (range >>> shift) != 0; shift += 16) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) ((k[i] >>> shift) & 0xFFFF)]++;
      }
      int sum = 0;
      for (int d = 0; d < count.length; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        int d = (int) ((k[i] >>> shift) & 0xFFFF);
        int p = count[d]++;
        k2[p] = k[i];
        idx2[p] = idx[i];
      }
      long[] tk = k;
      k = k2;
      k2 = tk;
      int[] ti = idx;
      idx = idx2;
      idx2 = ti;
    }
    for (int i = 0; i < n; i++) {
      sorted[i] = k[i] + min;
    }
    return idx;
  }
}
