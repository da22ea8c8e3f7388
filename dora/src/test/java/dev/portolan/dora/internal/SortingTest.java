package dev.portolan.dora.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SortingTest {

  /** The stable order a comparison sort gives, and the keys in that order. */
  private static void assertOrders(long[] keys) {
    int[] expected =
        IntStream.range(0, keys.length)
            .boxed()
            .sorted(Comparator.comparingLong(i -> keys[i]))
            .mapToInt(Integer::intValue)
            .toArray();
    long[] sorted = new long[keys.length];
    long[] before = keys.clone();
    int[] order = Sorting.order(keys, sorted);
    assertThat(order).isEqualTo(expected);
    assertThat(sorted).isEqualTo(Arrays.stream(expected).mapToLong(i -> keys[i]).toArray());
    assertThat(keys).isEqualTo(before);
    assertThat(Sorting.order(keys)).isEqualTo(expected);
  }

  @Property(tries = 300)
  void anyKeys(@ForAll @Size(max = 400) List<Long> values) {
    assertOrders(values.stream().mapToLong(Long::longValue).toArray());
  }

  @Property(tries = 200)
  void fewDistinctKeys_keepIndexOrder(@ForAll @Size(max = 400) List<@LongRange(min = -3, max = 3) Long> values) {
    assertOrders(values.stream().mapToLong(Long::longValue).toArray());
  }

  @Property(tries = 100)
  void timestampsAroundABase(
      @ForAll @Size(max = 2000) List<@LongRange(min = 0, max = 40_000_000_000_000L) Long> offsets,
      @ForAll @LongRange(min = -2_000_000_000_000_000L, max = 2_000_000_000_000_000L) long base) {
    assertOrders(offsets.stream().mapToLong(o -> base + o).toArray());
  }

  @Test
  void edgesOfTheLongRange() {
    assertOrders(new long[] {});
    assertOrders(new long[] {Long.MIN_VALUE});
    assertOrders(new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE});
    assertOrders(new long[] {5, 5, 5, 5});
  }

  /** Large inputs take both ways: a leading-digit pass when offsets and indexes fit in a long, digits otherwise. */
  @Test
  void largeInputs() {
    Random r = new Random(7);
    int n = 300_000;
    long[] near = new long[n];
    long[] wide = new long[n];
    long[] clustered = new long[n];
    for (int i = 0; i < n; i++) {
      near[i] = 1_700_000_000_000_000L + (r.nextLong() & ((1L << 45) - 1));
      wide[i] = r.nextLong();
      clustered[i] = (r.nextInt(4) << 40) + r.nextInt(50);
    }
    assertOrders(near);
    assertOrders(wide);
    assertOrders(clustered);
  }
}
