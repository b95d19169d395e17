package dev.repflow.models;

/** Progress of batched inference, e.g. for heartbeats. */
@FunctionalInterface
public interface BatchListener {

  /**
   * After each batch.
   *
   * @param batch 1-based batch number
   */
  void onBatch(int batch, int batches);

  /** A listener that ignores all events. */
  static BatchListener none() {
    return (batch, batches) -> {};
  }
}
