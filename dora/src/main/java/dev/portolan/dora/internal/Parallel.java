package dev.portolan.dora.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs independent pieces of one calculation on a few threads, the calling thread being one of them. Results never
 * depend on the number of threads: each piece writes only its own outputs. A failure in any piece is thrown in the
 * calling thread once all have stopped.
 */
public final class Parallel {

  private Parallel() {}

  /**
   * Calls {@code body} for every index in {@code [0, n)}, in increasing order of claiming, on up to
   * {@code threads} threads. Indexes are claimed one at a time, so the first ones (the largest pieces, by
   * convention) start first.
   *
   * @param n how many pieces
   * @param threads at most this many threads, the caller included; 1 runs everything in the caller
   * @param body the piece
   */
  public static void forEach(int n, int threads, IntConsumer body) {
    int t = Math.min(threads, n);
    if (t < 2) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            body.accept(i);
          }
        };
    run(t, worker);
  }

  /**
   * Runs tasks on up to {@code threads} threads, the caller included.
   *
   * @param threads at most this many threads; 1 runs them one after another in the caller
   * @param tasks the tasks
   */
  public static void all(int threads, Runnable... tasks) {
    forEach(tasks.length, threads, i -> tasks[i].run());
  }

  private static void run(int threads, Runnable worker) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads - 1,
            r -> {
              Thread th = new Thread(r, "portolan-dora-worker");
              th.setDaemon(true);
              return th;
            });
    List<Future<?>> helpers = new ArrayList<>();
    Throwable failure = null;
    try {
      for (int i = 1; i < threads; i++) {
        helpers.add(pool.submit(worker));
      }
      try {
        worker.run();
      } catch (RuntimeException | Error e) {
        failure = e;
      }
      for (Future<?> f : helpers) {
        try {
          f.get();
        } catch (ExecutionException e) {
          failure = add(failure, e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure = add(failure, new IllegalStateException("interrupted while waiting for a worker", e));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  private static Throwable add(Throwable first, Throwable next) {
    if (first == null) {
      return next;
    }
    if (next != first) {
      first.addSuppressed(next);
    }
    return first;
  }
}
