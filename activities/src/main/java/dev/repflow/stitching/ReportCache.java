package dev.repflow.stitching;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.RunContext;
import dev.repflow.steps.StepCache;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Steps whose output is their result record as a JSON report, reused under its content address. */
final class ReportCache {
  private static final Logger log = LoggerFactory.getLogger(ReportCache.class);

  private final ArtifactStore store;
  private final StepCache cache;

  ReportCache(ArtifactStore store, StepCache cache) {
    this.store = store;
    this.cache = cache;
  }

  /** Reuse a step's JSON report, or compute the result, store it as the report, and return it. */
  <T> T cached(
      RunContext run,
      String step,
      StepKey key,
      Class<T> type,
      WithReport<T> withRef,
      ThrowingSupplier<T> compute) {
    return StepFailures.guard(
        step,
        () -> {
          var cached = cache.reusable(run, key.key());
          if (cached.isPresent()) {
            T reused = JsonArtifacts.read(store, cached.get(), type);
            return withRef.apply(reused, cached.get(), true);
          }
          long begin = System.nanoTime();
          T result = compute.get();
          log.info("{} took {} ms", step, (System.nanoTime() - begin) / 1_000_000);
          return withRef.apply(result, JsonArtifacts.put(store, key.key(), result), false);
        });
  }

  /** Attaches the stored report to a result. */
  @FunctionalInterface
  interface WithReport<T> {
    T apply(T result, ArtifactRef report, boolean cached);
  }

  /** A computation that may throw checked exceptions (mapped by {@link StepFailures}). */
  @FunctionalInterface
  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
