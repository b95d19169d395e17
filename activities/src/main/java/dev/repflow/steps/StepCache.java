package dev.repflow.steps;

import dev.repflow.artifacts.ArtifactIntegrityException;
import dev.repflow.artifacts.ArtifactNotFoundException;
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
 * CacheKeys}), so an object under that key is the step's output, provided its bytes still hash to
 * the sha256 recorded with it. A hit is therefore read once and verified: a damaged object (a
 * flipped bit on a disk, a file overwritten by hand) is named in the log and treated as a miss, so
 * the step computes it again and replaces it, instead of a later step failing on it.
 */
public final class StepCache {
  private static final Logger log = LoggerFactory.getLogger(StepCache.class);

  private final ArtifactStore store;

  public StepCache(ArtifactStore store) {
    this.store = store;
  }

  /** The intact finished output under {@code key}, unless the run disabled the cache. */
  public Optional<ArtifactRef> reusable(RunContext run, String key) {
    if (!run.useCache()) {
      return Optional.empty();
    }
    Optional<ArtifactRef> found = store.find(key).filter(this::intact);
    found.ifPresent(ref -> log.info("reusing {}", ref.uri()));
    return found;
  }

  /**
   * Whether {@code ref}'s stored bytes match its sha256. A missing or corrupt artifact is logged
   * (naming it) for the caller to recompute; failures to reach the store propagate.
   */
  public boolean intact(ArtifactRef ref) {
    try {
      store.verify(ref);
      return true;
    } catch (ArtifactIntegrityException | ArtifactNotFoundException e) {
      log.warn("{}; computing it again", e.getMessage());
      return false;
    }
  }
}
