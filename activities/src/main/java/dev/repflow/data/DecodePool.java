package dev.repflow.data;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that decode image files, one per core. Shared by every reader in the process: decoding is
 * short CPU work, and a pool per step would multiply threads when steps run side by side.
 */
final class DecodePool {
  private static final AtomicInteger COUNT = new AtomicInteger();
  static final ExecutorService THREADS =
      Executors.newFixedThreadPool(
          Math.max(1, Runtime.getRuntime().availableProcessors()),
          r -> {
            Thread t = new Thread(r, "repflow-decode-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private DecodePool() {}
}
