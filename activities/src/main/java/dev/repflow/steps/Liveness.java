package dev.repflow.steps;

import java.util.function.Supplier;

/**
 * Lets long compute loops tell the step running them that they still make progress, so it can
 * heartbeat, without the maths knowing about steps or Temporal: a loop calls {@link #tick()} (once
 * per row of a Jacobi sweep, say), and a step binds what a tick does for the duration of one call
 * ({@link #reportingTo}). A tick on a thread without a binding does nothing, and a binding is
 * called at most once a second however often the loop ticks.
 */
public final class Liveness {
  private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;
  private static final ThreadLocal<Binding> BINDING = new ThreadLocal<>();

  private Liveness() {}

  /** Signals progress to the step running on this thread, if any. Cheap enough for inner loops. */
  public static void tick() {
    Binding binding = BINDING.get();
    if (binding != null) {
      long now = System.nanoTime();
      if (now - binding.last >= MIN_INTERVAL_NANOS) {
        binding.last = now;
        binding.onTick.run();
      }
    }
  }

  /** Runs {@code body} on this thread with its ticks going to {@code onTick}. */
  public static <T> T reportingTo(Runnable onTick, Supplier<T> body) {
    Binding previous = BINDING.get();
    BINDING.set(new Binding(onTick));
    try {
      return body.get();
    } finally {
      if (previous == null) {
        BINDING.remove();
      } else {
        BINDING.set(previous);
      }
    }
  }

  private static final class Binding {
    private final Runnable onTick;
    private long last = System.nanoTime();

    Binding(Runnable onTick) {
      this.onTick = onTick;
    }
  }
}
