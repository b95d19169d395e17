package dev.repflow.steps;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.RunContext;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-addressed reuse of step outputs.
 *
 * <p>A step's key already covers its code version, parameters and input checksums (see {@code
 * CacheKeys}), so an object under that key is the step's output. Its bytes are verified by sha256
 * when the next step downloads it.
 */
public final class StepCache {
  private static final Logger log = LoggerFactory.getLogger(StepCache.class);

  private final ArtifactStore store;

  public StepCache(ArtifactStore store) {
    this.store = store;
  }

  /** The finished output under {@code key}, unless the run disabled the cache. */
  public Optional<ArtifactRef> reusable(RunContext run, String key) {
    if (!run.useCache()) {
      return Optional.empty();
    }
    Optional<ArtifactRef> found = store.find(key);
    found.ifPresent(ref -> log.info("reusing {}", ref.uri()));
    return found;
  }
}
