package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A frozen backbone cut at one linear layer y = W x + b: front (images to layer input), the layer,
 * tail (layer output to embedding). Built-in backbones: {@link LayerCut}; exported TorchScript
 * parts: {@link TorchScriptCut}.
 */
public interface BackboneCut extends AutoCloseable {

  /** The layer's name. */
  String layer();

  /** Weight shape {@code [out, in]}. */
  Shape weightShape();

  /** Size D of the embeddings the tail outputs. */
  int embeddingDim();

  /** The layer's {@code weight} and {@code bias}. */
  PairList<String, Parameter> parameters();

  /**
   * @param images {@code [N, C, H, W]}
   * @return {@code h [N, ..., in]} first, then any side inputs the tail needs (a residual stream),
   *     each with N rows that depend only on the same row of {@code images}: callers may run the
   *     front on slices of the batch and concatenate
   */
  NDList front(ParameterStore store, NDArray images);

  /** {@code [N, ..., in]} to {@code [N, ..., out]}. */
  NDArray apply(ParameterStore store, NDArray inputs);

  /**
   * @param outputs {@code [N, ..., out]}
   * @param front what {@link #front} returned
   * @return {@code [N, D]} embeddings
   */
  NDArray tail(ParameterStore store, NDArray outputs, NDList front);

  /** Releases native resources the cut holds itself (TorchScript modules); default nothing. */
  @Override
  default void close() {}
}
