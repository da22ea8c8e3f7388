package dev.portolan.dora.internal;

/** Primitive sorts that avoid chasing object pointers for every comparison. */
final class Sorting {

  private Sorting() {}

  /**
   * The permutation that orders {@code keys} ascending, stable: a least-significant-digit radix sort over 16-bit
   * digits of {@code key - min}, skipping digits where every key agrees.
   *
   * @param keys the keys (not modified)
   * @return indexes into keys, in key order; equal keys keep their index order
   */
  static int[] order(long[] keys) {
    int n = keys.length;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    if (n < 2) {
      return idx;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long k : keys) {
      min = Math.min(min, k);
      max = Math.max(max, k);
    }
    long range = max - min;
    long[] k = new long[n];
    for (int i = 0; i < n; i++) {
      k[i] = keys[i] - min;
    }
    long[] k2 = new long[n];
    int[] idx2 = new int[n];
    int[] count = new int[1 << 16];
    for (int shift = 0; shift < 64 && (range >>> shift) != 0; shift += 16) {
      java.util.Arrays.fill(count, 0);
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
    return idx;
  }
}
