package dev.repflow.steps;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;

/**
 * The one shape of a cached step: look its key up, reuse the intact stored output if there is one,
 * otherwise compute the output, write it under the key and return it.
 *
 * <p>The key must already cover the step's version, parameters and inputs ({@link StepKey}), and a
 * write goes through the store's put of a finished temporary file, so an object under a key is
 * always a complete output of that step. Progress reporting stays with the caller's computation;
 * failures are classified by the caller's {@link StepFailures#guard}, which every step runs in.
 */
public final class CachedSteps {
  private final ArtifactStore store;
  private final StepCache cache;
  private final FeatureFiles files;

  public CachedSteps(ArtifactStore store, StepCache cache, FeatureFiles files) {
    this.store = store;
    this.cache = cache;
    this.files = files;
  }

  /** Cached steps over {@code store}, with its own step cache and feature files. */
  public static CachedSteps on(ArtifactStore store) {
    return new CachedSteps(store, new StepCache(store), new FeatureFiles(store));
  }

  /**
   * The step's result: {@code reuse} of the stored output under {@code key}, or {@code compute},
   * which writes the output under {@code key} itself (the general form; the others use it).
   */
  public <T> T reuseOrCompute(RunContext run, String key, Reuse<T> reuse, Compute<T> compute)
      throws Exception {
    var stored = cache.reusable(run, key);
    return stored.isPresent() ? reuse.from(stored.get()) : compute.get();
  }

  /** A step whose output is the artifact {@code write} stores under {@code key}. */
  public StepResult artifact(RunContext run, String key, Compute<ArtifactRef> write)
      throws Exception {
    return reuseOrCompute(
        run, key, ref -> new StepResult(ref, true), () -> new StepResult(write.get(), false));
  }

  /** A step whose output is a feature file of the table {@code compute} returns. */
  public StepResult features(RunContext run, String key, Compute<FeatureTable> compute)
      throws Exception {
    return artifact(run, key, () -> files.write(key, compute.get()));
  }

  /**
   * A step whose output is a JSON record of type {@code type}: the stored one read back, or the
   * computed one stored; {@code finish} attaches the record's reference and whether it was reused.
   */
  public <R, T> T json(
      RunContext run, String key, Class<R> type, Compute<R> compute, Finish<R, T> finish)
      throws Exception {
    return reuseOrCompute(
        run,
        key,
        ref -> finish.apply(JsonArtifacts.read(store, ref, type), ref, true),
        () -> {
          R record = compute.get();
          return finish.apply(record, JsonArtifacts.put(store, key, record), false);
        });
  }

  /** Turns a reused stored output into the step's result. */
  @FunctionalInterface
  public interface Reuse<T> {
    T from(ArtifactRef stored) throws Exception;
  }

  /** A computation that may throw checked exceptions (classified by {@link StepFailures}). */
  @FunctionalInterface
  public interface Compute<T> {
    T get() throws Exception;
  }

  /** Attaches a JSON record's stored reference to the step's result. */
  @FunctionalInterface
  public interface Finish<R, T> {
    T apply(R record, ArtifactRef ref, boolean cached);
  }
}
