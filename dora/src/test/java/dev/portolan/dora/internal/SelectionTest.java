package dev.portolan.dora.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SelectionTest {

  private static double bySorting(long[] v, double p) {
    long[] s = v.clone();
    Arrays.sort(s);
    return Model.percentile(s, p);
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
}
