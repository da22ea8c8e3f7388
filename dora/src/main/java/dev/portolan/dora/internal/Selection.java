package dev.portolan.dora.internal;

import java.util.Arrays;

/**
 * Order statistics without sorting: a type-7 percentile of n values in expected linear time, by quickselect with
 * a median-of-three pivot. A range that keeps splitting badly is sorted instead, so no input takes more than
 * {@code O(n log n)}. Many values spread over ranges of one array are read where they lie, through a histogram.
 */
final class Selection {

  private static final int SMALL = 16;
  /** Values below this have a histogram bucket each; above, a bucket spans 1/1024 of its power of two. */
  private static final int LINEAR = 1 << 10;
  private static final int MANTISSA_BITS = 10;
  /** Bucket 0 holds every negative value, then one per value below {@link #LINEAR}, then the logarithmic ones. */
  private static final int BUCKETS = 1 + LINEAR + ((63 - MANTISSA_BITS) << MANTISSA_BITS);

  private Selection() {}

  /**
   * The type-7 percentile of {@code a[0, n)}: on the sorted values, linear interpolation between the two closest
   * ranks. Reorders that range.
   *
   * @param a the values
   * @param n how many, at least one
   * @param p the probability in [0, 1]
   * @return the percentile
   */
  static double percentile(long[] a, int n, double p) {
    return percentiles(a, n, p)[0];
  }

  /**
   * Type-7 percentiles of {@code a[0, n)} at ascending probabilities, each as {@link #percentile} gives it: each
   * selection starts where the one before left off. Reorders that range.
   *
   * @param a the values
   * @param n how many, at least one
   * @param ps probabilities in [0, 1], ascending
   * @return the percentiles, in the order of ps
   */
  static double[] percentiles(long[] a, int n, double... ps) {
    double[] out = new double[ps.length];
    int from = 0;
    for (int j = 0; j < ps.length; j++) {
      double pos = (n - 1) * ps[j];
      int lo = (int) pos;
      if (lo >= from) {
        select(a, from, n, lo);
        from = lo + 1;
      }
      long x = a[lo];
      if (lo + 1 >= n) {
        out[j] = x;
        continue;
      }
      // Everything after lo is at least a[lo]; the next order statistic is the least of it.
      long y = a[lo + 1];
      for (int i = lo + 2; i < n; i++) {
        y = Math.min(y, a[i]);
      }
      out[j] = x + (y - x) * (pos - lo);
    }
    return out;
  }

  /**
   * Type-7 percentiles of the values in ranges of one array, as {@link #percentile} gives on them gathered into
   * one, without gathering them: a first pass counts the values per histogram bucket, which tells the bucket and
   * rank within it of each order statistic needed; a second gathers those few buckets' values, among which the
   * statistics are selected. Buckets are ordered as their values, at most 1/1024 of a value wide.
   *
   * @param a the values
   * @param ranges {@code [from, to)} pairs of indexes into a, at {@code ranges[2r]} and {@code ranges[2r + 1]}
   * @param nRanges how many pairs
   * @param ps probabilities in [0, 1]
   * @return the percentiles, in the order of ps; empty when the ranges hold no value
   */
  static double[] percentiles(long[] a, int[] ranges, int nRanges, double... ps) {
    int[] count = new int[BUCKETS];
    long total = 0;
    for (int r = 0; r < nRanges; r++) {
      int to = ranges[2 * r + 1];
      total += to - ranges[2 * r];
      for (int i = ranges[2 * r]; i < to; i++) {
        count[bucket(a[i])]++;
      }
    }
    if (total == 0) {
      return new double[0];
    }
    // Each probability needs the order statistics lo and lo + 1 (or lo alone at the end).
    int m = ps.length;
    long[] rank = new long[2 * m];
    for (int j = 0; j < m; j++) {
      long lo = (long) ((total - 1) * ps[j]);
      rank[2 * j] = lo;
      rank[2 * j + 1] = Math.min(lo + 1, total - 1);
    }
    // The bucket of each rank and the rank within it; the buckets needed get a list each.
    int[] rankBucket = new int[2 * m];
    int[] rankWithin = new int[2 * m];
    int[] list = new int[BUCKETS];
    long[][] lists = new long[2 * m][];
    int nLists = 0;
    for (int q = 0; q < 2 * m; q++) {
      long before = 0;
      int b = 0;
      while (before + count[b] <= rank[q]) {
        before += count[b];
        b++;
      }
      rankBucket[q] = b;
      rankWithin[q] = (int) (rank[q] - before);
      if (list[b] == 0) {
        lists[nLists] = new long[count[b]];
        list[b] = ++nLists;
      }
    }
    int[] filled = new int[nLists];
    for (int r = 0; r < nRanges; r++) {
      for (int i = ranges[2 * r], to = ranges[2 * r + 1]; i < to; i++) {
        long v = a[i];
        int l = list[bucket(v)];
        if (l != 0) {
          lists[l - 1][filled[l - 1]++] = v;
        }
      }
    }
    double[] out = new double[m];
    for (int j = 0; j < m; j++) {
      long x = statistic(lists[list[rankBucket[2 * j]] - 1], rankWithin[2 * j]);
      long lo = rank[2 * j];
      if (lo + 1 >= total) {
        out[j] = x;
        continue;
      }
      long y = statistic(lists[list[rankBucket[2 * j + 1]] - 1], rankWithin[2 * j + 1]);
      double pos = (total - 1) * ps[j];
      out[j] = x + (y - x) * (pos - lo);
    }
    return out;
  }

  /** The k-th least of a bucket's values. */
  private static long statistic(long[] values, int k) {
    select(values, values.length, k);
    return values[k];
  }

  /** The histogram bucket of a value: buckets are in the order of their values. */
  static int bucket(long v) {
    if (v < LINEAR) {
      return v < 0 ? 0 : 1 + (int) v;
    }
    int e = 63 - Long.numberOfLeadingZeros(v);
    int shift = e - MANTISSA_BITS;
    return 1 + LINEAR + ((shift << MANTISSA_BITS) | (int) ((v >>> shift) & (LINEAR - 1)));
  }

  /**
   * Reorders {@code a[0, n)} so that {@code a[k]} holds the value sorting would put there, with no greater value
   * before it and no smaller one after it.
   */
  static void select(long[] a, int n, int k) {
    select(a, 0, n, k);
  }

  /**
   * As {@link #select(long[], int, int)} within {@code a[from, n)}, for {@code from <= k < n}.
   */
  static void select(long[] a, int from, int n, int k) {
    int lo = from;
    int hi = n - 1;
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(n - from)) + 4;
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
