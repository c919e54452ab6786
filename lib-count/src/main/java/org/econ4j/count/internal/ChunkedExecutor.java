package org.econ4j.count.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a body over a fixed number of chunks, in parallel when more than one thread is allowed.
 *
 * <p>Determinism: the chunks are fixed by the data size alone (never by the thread count), each
 * chunk writes only its own slot of the caller's partial-result buffer, and the caller reduces the
 * slots in chunk order. Results are therefore bit-identical for any number of threads.
 *
 * <p>The workers are created once per executor; one {@link #run} call allocates only the futures of
 * {@code invokeAll} (one per thread), never per observation. Close the executor after the fit.
 */
public final class ChunkedExecutor implements AutoCloseable {

  /** The work done for one chunk. */
  @FunctionalInterface
  public interface ChunkBody {
    /**
     * Processes one chunk.
     *
     * @param chunk chunk number, 0-based
     */
    void run(int chunk);
  }

  private final int threads;
  private final ExecutorService pool;
  private final List<Callable<Void>> workers;
  private final AtomicInteger next = new AtomicInteger();
  private volatile ChunkBody body;
  private volatile int chunks;

  /**
   * Creates an executor.
   *
   * @param threads number of threads, &ge; 1 (1 runs everything on the caller's thread)
   */
  public ChunkedExecutor(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
    if (threads == 1) {
      this.pool = null;
      this.workers = List.of();
    } else {
      ThreadFactory tf =
          r -> {
            Thread t = new Thread(r, "econ4j-count-worker");
            t.setDaemon(true);
            return t;
          };
      this.pool = Executors.newFixedThreadPool(threads, tf);
      List<Callable<Void>> w = new ArrayList<>(threads);
      for (int i = 0; i < threads; i++) {
        w.add(
            () -> {
              ChunkBody b = body;
              int n = chunks;
              for (int c = next.getAndIncrement(); c < n; c = next.getAndIncrement()) {
                b.run(c);
              }
              return null;
            });
      }
      this.workers = List.copyOf(w);
    }
  }

  /**
   * @return the number of threads
   */
  public int threads() {
    return threads;
  }

  /**
   * Runs {@code b} for chunks 0 &hellip; {@code nChunks} &minus; 1 and waits for all of them.
   *
   * @param nChunks number of chunks
   * @param b the body
   */
  public void run(int nChunks, ChunkBody b) {
    if (pool == null || nChunks <= 1) {
      for (int c = 0; c < nChunks; c++) {
        b.run(c);
      }
      return;
    }
    synchronized (this) {
      body = b;
      chunks = nChunks;
      next.set(0);
      try {
        for (Future<Void> f : pool.invokeAll(workers)) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while evaluating the likelihood", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        throw new IllegalStateException("likelihood evaluation failed", cause);
      }
    }
  }

  /**
   * Number of chunks of {@code size} items needed for {@code n} items.
   *
   * @param n items
   * @param size items per chunk
   * @return ceil(n / size), at least 1
   */
  public static int chunkCount(int n, int size) {
    return Math.max(1, (n + size - 1) / size);
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
