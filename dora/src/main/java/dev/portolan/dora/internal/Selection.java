package dev.portolan.dora.internal;

import java.util.Arrays;

/**
 * Order statistics without sorting: a type-7 percentile of n values in expected linear time, by quickselect with
 * a median-of-three pivot. A range that keeps splitting badly is sorted instead, so no input takes more than
 * {@code O(n log n)}.
 */
final class Selection {

  private static final int SMALL = 16;

  private Selection() {}

  /**
   * The type-7 percentile of {@code a[0, n)}, as {@link Model#percentile} gives on the sorted values. Reorders
   * that range.
   *
   * @param a the values
   * @param n how many, at least one
   * @param p the probability in [0, 1]
   * @return the percentile
   */
  static double percentile(long[] a, int n, double p) {
    double pos = (n - 1) * p;
    int lo = (int) pos;
    double frac = pos - lo;
    select(a, n, lo);
    long x = a[lo];
    if (lo + 1 >= n) {
      return (double) x;
    }
    // Everything after lo is at least a[lo]; the next order statistic is the least of it.
    long y = a[lo + 1];
    for (int i = lo + 2; i < n; i++) {
      y = Math.min(y, a[i]);
    }
    return x + (y - x) * frac;
  }

  /**
   * Reorders {@code a[0, n)} so that {@code a[k]} holds the value sorting would put there, with no greater value
   * before it and no smaller one after it.
   */
  static void select(long[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(n)) + 4;
    while (hi > lo) {
      if (hi - lo < SMALL || budget-- == 0) {
        Arrays.sort(a, lo, hi + 1);
        return;
      }
      long pivot = median(a[lo], a[(lo + hi) >>> 1], a[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      // Now a[lo, j] <= pivot, a[i, hi] >= pivot, and whatever lies between equals the pivot.
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static long median(long x, long y, long z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }
}
