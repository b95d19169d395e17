package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;

/**
 * The maths of one self-supervised objective: which views of an image go through the network, and
 * the per-sample loss of their embeddings. A sample's loss may depend on that sample only (and on
 * constants), so that one backward pass of the summed loss yields every sample's gradient.
 */
sealed interface Objective permits KlObjective, DinoObjective, SimClrObjective {

  /** Views V per image. */
  int views();

  /**
   * Writes the V views of one image, {@code [V, h, w]}, at {@code offset}.
   *
   * @param sampleKey identifies the sample (its index in the source split), so its views are the
   *     same in any batch
   */
  void views(float[] image, int h, int w, long sampleKey, float[] out, int offset);

  /**
   * @param embeddings {@code [B, V, D]}
   * @return {@code [B]} loss per sample
   */
  NDArray loss(NDArray embeddings);
}
