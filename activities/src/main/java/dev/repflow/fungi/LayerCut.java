package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import dev.repflow.models.Classifier;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.NamedLayers;
import java.util.List;

/**
 * A backbone cut at one linear layer: front (input to layer input), the layer, tail (layer output
 * to embedding). Gradients are taken w.r.t. the layer's weight and bias.
 *
 * @param before stage whose output feeds the layer, or null when the layer is the first stage
 * @param last the backbone's last stage (its output is the embedding)
 */
public record LayerCut(NamedLayers layers, String before, String layer, String last) {

  /** The default gradient layer of an architecture: the last hidden linear layer of the CNN. */
  public static String defaultLayer(ModelSpec model) {
    return "fc";
  }

  /**
   * @param name layer name, or null for {@link #defaultLayer}
   * @throws IllegalArgumentException listing the linear layers when {@code name} is not one
   */
  public static LayerCut of(Classifier model, String name) {
    String layer = name == null ? defaultLayer(model.spec()) : name;
    NamedLayers layers = model.layers();
    List<String> names = layers.names();
    List<String> linear = names.stream().filter(n -> layers.layer(n) instanceof Linear).toList();
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
        layers, i == 0 ? null : names.get(i - 1), layer, names.get(names.size() - 1));
  }

  /** Weight shape {@code [out, in]} of the layer (the model must be initialised). */
  public Shape weightShape() {
    return block().getParameters().get("weight").getArray().getShape();
  }

  /** {@code [N, ...]} images to {@code [N, in]} layer inputs. */
  public NDArray front(ParameterStore store, NDArray images) {
    return before == null ? images : layers.run(store, images, null, before, false);
  }

  /** {@code [N, in]} to {@code [N, out]}. */
  public NDArray apply(ParameterStore store, NDArray inputs) {
    return block().forward(store, new NDList(inputs), false).singletonOrThrow();
  }

  /** {@code [N, out]} layer outputs to {@code [N, D]} embeddings. */
  public NDArray tail(ParameterStore store, NDArray outputs) {
    return layer.equals(last) ? outputs : layers.run(store, outputs, layer, last, false);
  }

  private Block block() {
    return layers.layer(layer);
  }
}
