package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;

/**
 * The maths of one self-supervised objective: which views of an image go through the network, and
 * the per-sample loss of their embeddings. A sample's loss may depend on that sample only (and on
 * constants), so that one backward pass of the summed loss yields every sample's gradient.
 *
 * <p>fungivision averages its losses over the batch (KL: over batch x head outputs); repflow sums
 * per-sample losses instead. That scales each sample's gradient by a constant, which the per-block
 * L2 normalisation of the features removes.
 */
sealed interface Objective extends ImageViews permits KlObjective, DinoObjective, SimClrObjective {

  /**
   * @param embeddings {@code [B, V, D]}
   * @return {@code [B]} loss per sample
   */
  NDArray loss(NDArray embeddings);
}
