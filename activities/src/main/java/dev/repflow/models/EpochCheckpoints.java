package dev.repflow.models;

import dev.repflow.artifacts.ArtifactIntegrityException;
import dev.repflow.artifacts.ArtifactNotFoundException;
import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.common.StepProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The epoch checkpoints of one training step, stored beside its manifest as {@code
 * <base>-epoch<N>.params}.
 *
 * <p>The base is the step's content address, so not only a retried attempt (which has the last
 * checkpoint in its heartbeat) but any later run of the same step finds them: a run started again
 * after the CLI was killed, or a new workflow on another worker, continues from the newest intact
 * epoch instead of from zero. Every candidate is downloaded with its sha256 verified; a corrupt one
 * is named in the log and the next older one is tried, so the damaged epochs are recomputed.
 */
final class EpochCheckpoints {
  private static final Logger log = LoggerFactory.getLogger(EpochCheckpoints.class);

  private final ArtifactStore store;
  private final String base;

  /**
   * @param base the step's cache key without its {@code .json} extension
   */
  EpochCheckpoints(ArtifactStore store, String base) {
    this.store = store;
    this.base = base;
  }

  /** Stores the checkpoint file of finished epoch {@code epoch} (1-based). */
  ArtifactRef upload(int epoch, Path file) {
    return store.put(key(epoch), file, "params", List.of());
  }

  /**
   * The newest intact checkpoint to continue from, downloaded to a temp file the caller deletes, or
   * empty to train from epoch 0.
   *
   * @param epochs epochs the step trains in all; no checkpoint beyond it is looked for
   * @param lastAttempt the previous attempt's last heartbeat, which may name a checkpoint
   * @param searchStore also look for checkpoints stored by earlier runs of this step; false when
   *     the run disabled the cache, so nothing from before it is reused
   */
  Optional<Restored> newest(int epochs, Optional<StepProgress> lastAttempt, boolean searchStore) {
    List<ArtifactRef> tried = new ArrayList<>();
    if (searchStore) {
      for (int epoch = epochs; epoch >= 1; epoch--) {
        Optional<ArtifactRef> stored = store.find(key(epoch));
        if (stored.isPresent()) {
          tried.add(stored.get());
          Optional<Restored> restored = restore(epoch, stored.get());
          if (restored.isPresent()) {
            return restored;
          }
        }
      }
    }
    return lastAttempt
        .filter(p -> p.checkpoint() != null && p.checkpointEpoch() <= epochs)
        .filter(p -> !tried.contains(p.checkpoint()))
        .flatMap(p -> restore(p.checkpointEpoch(), p.checkpoint()));
  }

  private Optional<Restored> restore(int epoch, ArtifactRef ref) {
    try {
      Path file = store.download(ref);
      log.info("resuming after epoch {} from {}", epoch, ref.uri());
      return Optional.of(new Restored(epoch, ref, file));
    } catch (ArtifactIntegrityException | ArtifactNotFoundException e) {
      log.warn("{}; trying an earlier epoch checkpoint", e.getMessage());
      return Optional.empty();
    }
  }

  private String key(int epoch) {
    return base + "-epoch" + epoch + ".params";
  }

  /**
   * A checkpoint to continue from.
   *
   * @param epoch epochs it holds
   * @param ref where it is stored
   * @param file verified local copy
   */
  record Restored(int epoch, ArtifactRef ref, Path file) {}
}
