package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.repflow.models.Backbones;
import dev.repflow.models.Classifier;
import dev.repflow.models.NamedLayers;
import dev.repflow.models.ResidualLinear;
import java.util.List;

/**
 * A backbone cut at one linear layer: front (input to layer input), the layer, tail (layer output
 * to embedding). Gradients are taken w.r.t. the layer's weight and bias.
 *
 * <p>A layer is a stage that is a {@link Linear}, or a {@link ResidualLinear} (ViT attention output
 * projection), whose residual stream the front hands to the tail unchanged: it does not depend on
 * the layer's weights, so it is a constant for the gradient.
 *
 * @param before stage whose output feeds the layer, or null when the layer is the first stage
 * @param last the backbone's last stage (its output is the embedding)
 * @param embeddingDim size of that output
 */
public record LayerCut(
    NamedLayers layers, String before, String layer, String last, int embeddingDim)
    implements BackboneCut {

  /**
   * @param name layer name, or null for the architecture's default
   * @throws IllegalArgumentException listing the linear layers when {@code name} is not one
   */
  public static LayerCut of(Classifier model, String name) {
    String layer = name == null ? Backbones.defaultGradientLayer(model.spec()) : name;
    NamedLayers layers = model.layers();
    List<String> names = layers.names();
    List<String> linear = names.stream().filter(n -> linear(layers.layer(n)) != null).toList();
    if (!linear.contains(layer)) {
      throw new IllegalArgumentException(
          "gradients.layer: no linear layer '"
              + layer
              + "' in "
              + model.spec().label()
              + " (linear layers: "
              + linear
              + "; all layers: "
              + names
              + ")");
    }
    int i = names.indexOf(layer);
    return new LayerCut(
        layers,
        i == 0 ? null : names.get(i - 1),
        layer,
        names.get(names.size() - 1),
        model.spec().embeddingDim());
  }

  /** Weight shape {@code [out, in]} of the layer (the model must be initialised). */
  @Override
  public Shape weightShape() {
    return parameters().get("weight").getArray().getShape();
  }

  /** The layer's own {@code weight} and {@code bias}. */
  @Override
  public PairList<String, Parameter> parameters() {
    return linear().getParameters();
  }

  /**
   * Layer input and side inputs.
   *
   * @param images {@code [N, ...]}
   * @return {@code h [N, ..., in]} first, then the residual stream when the layer has one
   */
  @Override
  public NDList front(ParameterStore store, NDArray images) {
    return before == null
        ? new NDList(images)
        : layers.runList(store, new NDList(images), null, before, false);
  }

  /** {@code [N, ..., in]} to {@code [N, ..., out]}. */
  @Override
  public NDArray apply(ParameterStore store, NDArray inputs) {
    return linear().forward(store, new NDList(inputs), false).singletonOrThrow();
  }

  /**
   * @param outputs {@code [N, ..., out]} layer outputs
   * @param front what {@link #front} returned (its residual stream, if any, is added here)
   * @return {@code [N, D]} embeddings
   */
  @Override
  public NDArray tail(ParameterStore store, NDArray outputs, NDList front) {
    NDArray stage = front.size() > 1 ? outputs.add(front.get(1)) : outputs;
    return layer.equals(last)
        ? stage
        : layers.runList(store, new NDList(stage), layer, last, false).singletonOrThrow();
  }

  private Linear linear() {
    return linear(layers.layer(layer));
  }

  private static Linear linear(Block block) {
    if (block instanceof Linear l) {
      return l;
    }
    return block instanceof ResidualLinear r ? r.linear() : null;
  }
}
