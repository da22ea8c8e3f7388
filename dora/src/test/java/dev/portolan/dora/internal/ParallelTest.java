package dev.portolan.dora.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 16})
  void forEach_everyIndexExactlyOnce(int threads) {
    AtomicIntegerArray seen = new AtomicIntegerArray(1000);
    Set<Thread> used = ConcurrentHashMap.newKeySet();
    Parallel.forEach(1000, threads, i -> {
      seen.incrementAndGet(i);
      used.add(Thread.currentThread());
    });
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.get(i)).as("index %d", i).isEqualTo(1);
    }
    assertThat(used).isNotEmpty().hasSizeLessThanOrEqualTo(threads);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void forEach_failingPiece_thrownInTheCaller(int threads) {
    assertThatThrownBy(() -> Parallel.forEach(100, threads, i -> {
      if (i == 57) {
        throw new IllegalArgumentException("piece 57");
      }
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("piece 57");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void forEach_noPieces_runsNothing(int n) {
    int[] calls = new int[1];
    Parallel.forEach(n, 4, i -> calls[0]++);
    assertThat(calls[0]).isEqualTo(n);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void all_runsEveryTask(int threads) {
    int[] done = new int[3];
    Parallel.all(threads, () -> done[0] = 1, () -> done[1] = 2, () -> done[2] = 3);
    assertThat(done).containsExactly(1, 2, 3);
  }
}
