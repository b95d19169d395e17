package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.repflow.models.TorchScriptParts;

/**
 * A user's backbone as TorchScript parts ({@link TorchScriptParts}) seen as a cut: the exported
 * layer is the gradient layer, and the residual stream, when the front returns one, travels to the
 * tail beside the layer.
 */
public final class TorchScriptCut implements BackboneCut {
  private final TorchScriptParts parts;

  public TorchScriptCut(TorchScriptParts parts) {
    this.parts = parts;
  }

  @Override
  public String layer() {
    return parts.layerName();
  }

  @Override
  public Shape weightShape() {
    return parts.weightShape();
  }

  @Override
  public int embeddingDim() {
    return parts.manifest().embeddingDim();
  }

  @Override
  public PairList<String, Parameter> parameters() {
    return parts.parameters();
  }

  @Override
  public NDList front(ParameterStore store, NDArray images) {
    return parts.front(store, images);
  }

  @Override
  public NDArray apply(ParameterStore store, NDArray inputs) {
    return parts.apply(store, inputs);
  }

  @Override
  public NDArray tail(ParameterStore store, NDArray outputs, NDList front) {
    return parts.tail(store, outputs, front, true);
  }

  @Override
  public void close() {
    parts.close();
  }
}
