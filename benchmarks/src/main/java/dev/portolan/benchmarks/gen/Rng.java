package dev.portolan.benchmarks.gen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded random helpers. {@link SplittableRandom}'s algorithm is fixed by its specification, so a seed gives
 * the same sequence on every JVM.
 */
final class Rng {

  private final SplittableRandom random;

  Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** A uniform integer in {@code [lo, hi]}. */
  int range(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  <T> T pick(T[] items) {
    return items[random.nextInt(items.length)];
  }

  /** Picks one of {@code values}, each with the integer weight at the same index. */
  <T> T weighted(List<T> values, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values.get(i);
      }
    }
    return values.get(values.size() - 1);
  }

  int weightedInt(int[] values, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  /** Up to {@code k} distinct items of {@code items}, in the order drawn. */
  <T> List<T> sample(List<T> items, int k) {
    int n = Math.min(k, items.size());
    Set<Integer> picked = new LinkedHashSet<>();
    while (picked.size() < n) {
      picked.add(random.nextInt(items.size()));
    }
    List<T> out = new ArrayList<>(n);
    for (int i : picked) {
      out.add(items.get(i));
    }
    return out;
  }
}
