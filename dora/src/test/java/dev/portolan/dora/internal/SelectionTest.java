package dev.portolan.dora.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SelectionTest {

  /** The type-7 percentile by its definition: sort, then interpolate between the two closest ranks. */
  private static double bySorting(long[] v, double p) {
    long[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    double pos = (n - 1) * p;
    int lo = (int) pos;
    if (lo + 1 >= n) {
      return (double) s[lo];
    }
    return s[lo] + (s[lo + 1] - s[lo]) * (pos - lo);
  }

  @Property(tries = 500)
  void percentile_sameAsOnSortedValues(
      @ForAll @Size(min = 1, max = 300) List<Long> values, @ForAll @DoubleRange(min = 0, max = 1) double p) {
    long[] v = values.stream().mapToLong(Long::longValue).toArray();
    double expected = bySorting(v, p);
    long[] work = Arrays.copyOf(v, v.length + 5);
    assertThat(Selection.percentile(work, v.length, p)).isEqualTo(expected);
    // Reordered, never changed.
    long[] kept = Arrays.copyOf(work, v.length);
    Arrays.sort(kept);
    long[] sorted = v.clone();
    Arrays.sort(sorted);
    assertThat(kept).isEqualTo(sorted);
  }

  @Property(tries = 300)
  void select_putsTheOrderStatisticInPlace(
      @ForAll @Size(min = 1, max = 200) List<@net.jqwik.api.constraints.IntRange(min = -5, max = 5) Integer> values,
      @ForAll @DoubleRange(min = 0, max = 1) double where) {
    long[] v = values.stream().mapToLong(Integer::longValue).toArray();
    int k = (int) (where * (v.length - 1));
    long[] sorted = v.clone();
    Arrays.sort(sorted);
    Selection.select(v, v.length, k);
    assertThat(v[k]).isEqualTo(sorted[k]);
    for (int i = 0; i < v.length; i++) {
      if (i < k) {
        assertThat(v[i]).isLessThanOrEqualTo(v[k]);
      } else if (i > k) {
        assertThat(v[i]).isGreaterThanOrEqualTo(v[k]);
      }
    }
  }

  /** Shapes that defeat naive pivots; each must give the sorted answer (and finish: bad splits fall back to a sort). */
  @ParameterizedTest
  @ValueSource(strings = {"ascending", "descending", "equal", "organ", "sawtooth", "medianOfThreeKiller", "random"})
  void percentile_adversarialShapes(String shape) {
    int n = 200_001;
    long[] v = new long[n];
    Random r = new Random(7);
    for (int i = 0; i < n; i++) {
      v[i] = switch (shape) {
        case "ascending" -> i;
        case "descending" -> n - i;
        case "equal" -> 42;
        case "organ" -> Math.min(i, n - i);
        case "sawtooth" -> i % 17;
        case "medianOfThreeKiller" -> (i % 2 == 0) ? i : n + i;
        default -> r.nextLong();
      };
    }
    for (double p : new double[] {0, 0.5, 0.9, 1}) {
      double expected = bySorting(v, p);
      assertThat(Selection.percentile(v.clone(), n, p)).as("%s p=%s", shape, p).isEqualTo(expected);
    }
  }

  /** Several probabilities from one array, each selection going on from the one before. */
  @Property(tries = 300)
  void percentiles_sameAsEachOnItsOwn(
      @ForAll @Size(min = 1, max = 300) List<Long> values,
      @ForAll @Size(min = 1, max = 4) List<@DoubleRange(min = 0, max = 1) Double> probabilities) {
    long[] v = values.stream().mapToLong(Long::longValue).toArray();
    double[] ps = probabilities.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double[] got = Selection.percentiles(v.clone(), v.length, ps);
    for (int j = 0; j < ps.length; j++) {
      assertThat(got[j]).as("p=%s", ps[j]).isEqualTo(bySorting(v, ps[j]));
    }
  }

  /** Values spread over ranges of one array, with other values between them, read in place. */
  @Property(tries = 300)
  void percentilesOfRanges_sameAsGathered(
      @ForAll @Size(min = 1, max = 12) List<@Size(max = 60) List<Long>> parts,
      @ForAll @DoubleRange(min = 0, max = 1) double p,
      @ForAll boolean durations) {
    assertRanges(parts, p, durations);
  }

  /** Many equal and near-equal values, so that the statistics share one bucket with thousands of others. */
  @Test
  void percentilesOfRanges_crowdedBuckets() {
    Random r = new Random(3);
    for (long base : new long[] {0, 5, 1_000, 1 << 20, 40_000_000_000L, Long.MAX_VALUE - 5_000}) {
      List<List<Long>> parts = new ArrayList<>();
      for (int k = 0; k < 5; k++) {
        List<Long> part = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
          part.add(base + r.nextInt(k + 1) * (long) r.nextInt(3_000));
        }
        parts.add(part);
      }
      for (double p : new double[] {0, 0.25, 0.5, 0.9, 1}) {
        assertRanges(parts, p, false);
      }
    }
  }

  @Test
  void bucket_followsTheOrderOfValues() {
    Random r = new Random(11);
    long[] v = new long[20_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = switch (i % 4) {
        case 0 -> r.nextLong();
        case 1 -> r.nextInt(5_000) - 100;
        case 2 -> r.nextLong() >>> r.nextInt(64);
        default -> Long.MAX_VALUE - r.nextInt(3);
      };
    }
    Arrays.sort(v);
    for (int i = 1; i < v.length; i++) {
      assertThat(Selection.bucket(v[i])).as("%s after %s", v[i], v[i - 1])
          .isGreaterThanOrEqualTo(Selection.bucket(v[i - 1]));
    }
    assertThat(Selection.bucket(Long.MIN_VALUE)).isZero();
    assertThat(Selection.bucket(0)).isEqualTo(1);
    assertThat(Selection.bucket(1_023)).isEqualTo(1_024);
    assertThat(Selection.bucket(1_024)).isEqualTo(1_025);
  }

  private static void assertRanges(List<List<Long>> parts, double p, boolean durations) {
    List<Long> array = new ArrayList<>();
    List<Long> gathered = new ArrayList<>();
    int[] ranges = new int[2 * parts.size()];
    long filler = -7;
    for (int k = 0; k < parts.size(); k++) {
      array.add(filler);
      ranges[2 * k] = array.size();
      for (long x : parts.get(k)) {
        long v = durations ? Math.abs(x % 10_000_000_000_000L) : x;
        array.add(v);
        gathered.add(v);
      }
      ranges[2 * k + 1] = array.size();
      array.add(filler);
    }
    long[] a = array.stream().mapToLong(Long::longValue).toArray();
    long[] before = a.clone();
    double[] got = Selection.percentiles(a, ranges, parts.size(), p, 0.9);
    assertThat(a).as("left as it was").isEqualTo(before);
    if (gathered.isEmpty()) {
      assertThat(got).isEmpty();
      return;
    }
    long[] g = gathered.stream().mapToLong(Long::longValue).toArray();
    assertThat(got).containsExactly(bySorting(g, p), bySorting(g, 0.9));
  }
}
