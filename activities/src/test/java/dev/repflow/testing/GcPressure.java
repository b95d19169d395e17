package dev.repflow.testing;

import java.util.function.Supplier;

/**
 * Runs the garbage collector every millisecond while some work runs, so that memory which is still
 * in use but no longer referenced from Java (a tensor over a collected direct buffer) is freed
 * during the work instead of at some later, lucky moment.
 */
public final class GcPressure {
  private GcPressure() {}

  /** {@code work}'s result, computed while another thread keeps collecting garbage. */
  public static <T> T during(Supplier<T> work) {
    Thread collector =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "gc-pressure");
    collector.setDaemon(true);
    collector.start();
    try {
      return work.get();
    } finally {
      collector.interrupt();
    }
  }
}
