package dev.repflow.stitching;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.repflow.models.Classifier;
import dev.repflow.models.ImageTensors;

/**
 * {@code f[:front] -> stitch -> g[end:]}: two frozen networks and the shapes between them.
 *
 * <p>Between two conv feature maps the stitching layer is a 1x1 convolution (a per-pixel affine map
 * over channels, applied after bilinear resizing of f's map to g's spatial size); otherwise it is
 * an affine map between the flattened representations, reshaped to g's layer shape.
 */
final class StitchedNetwork {
  private final Classifier front;
  private final String frontLayer;
  private final Classifier end;
  private final String endLayer;
  private final Shape frontShape;
  private final Shape endShape;
  private final boolean conv;

  /**
   * @throws IllegalArgumentException for unknown layer names (listing the valid ones)
   */
  StitchedNetwork(
      Classifier front, String frontLayer, Classifier end, String endLayer, NDManager manager) {
    this.front = front;
    this.frontLayer = frontLayer;
    this.end = end;
    this.endLayer = endLayer;
    this.frontShape = sampleShape(front, frontLayer, "frontLayer", manager);
    this.endShape = sampleShape(end, endLayer, "endLayer", manager);
    this.conv = frontShape.dimension() == 3 && endShape.dimension() == 3;
  }

  private static Shape sampleShape(Classifier model, String layer, String key, NDManager manager) {
    if (!model.layers().names().contains(layer)) {
      throw new IllegalArgumentException(
          "pairs[]."
              + key
              + ": unknown layer '"
              + layer
              + "' (layers: "
              + model.layers().names()
              + ")");
    }
    try (NDManager scratch = manager.newSubManager()) {
      NDArray x = scratch.zeros(ImageTensors.batchShape(1, model.input()));
      Shape shape =
          model.layers().run(new ParameterStore(scratch, false), x, null, layer, false).getShape();
      return shape.slice(1);
    }
  }

  String kind() {
    return conv ? "conv1x1" : "linear";
  }

  /** Input width of the stitching layer: channels (conv) or flattened size. */
  int inputs() {
    return (int) (conv ? frontShape.get(0) : frontShape.size());
  }

  /** Output width of the stitching layer. */
  int outputs() {
    return (int) (conv ? endShape.get(0) : endShape.size());
  }

  /** Rows one image contributes to a direct fit: pixels of g's map (conv) or 1. */
  int rowsPerSample() {
    return (int) (conv ? endShape.get(1) * endShape.get(2) : 1);
  }

  /** Flattened size of g's end-layer representation (what the detector sees). */
  int endSize() {
    return (int) endShape.size();
  }

  /**
   * f's activations, ready for the stitching layer (no gradient).
   *
   * @return conv: {@code [B, Cf, He, We]} (resized); linear: {@code [B, Df]}
   */
  NDArray frontInput(ParameterStore store, NDArray images, NDManager batch) {
    NDArray h = front.layers().run(store, images, null, frontLayer, false);
    long b = h.getShape().get(0);
    if (!conv) {
      return h.reshape(b, -1);
    }
    int c = (int) frontShape.get(0);
    int he = (int) endShape.get(1);
    int we = (int) endShape.get(2);
    float[] resized =
        Bilinear.resize(
            h.toFloatArray(),
            (int) b * c,
            (int) frontShape.get(1),
            (int) frontShape.get(2),
            he,
            we);
    return batch.create(resized, new Shape(b, c, he, we));
  }

  /** g's own end-layer activations: {@code [B, Ce, He, We]} or {@code [B, ...]}. */
  NDArray endActivations(ParameterStore store, NDArray images) {
    return end.layers().run(store, images, null, endLayer, false);
  }

  /** Rows the stitching layer maps: pixels x channels (conv) or samples x features. */
  NDArray rows(NDArray activations) {
    long c = activations.getShape().get(1);
    return conv
        ? activations.transpose(0, 2, 3, 1).reshape(-1, c)
        : activations.reshape(activations.getShape().get(0), -1);
  }

  /** The stitching layer applied: output has g's end-layer shape {@code [B, ...]}. */
  NDArray stitch(Affine layer, NDArray frontInput) {
    long b = frontInput.getShape().get(0);
    NDArray mapped = layer.apply(rows(frontInput));
    if (conv) {
      return mapped
          .reshape(b, endShape.get(1), endShape.get(2), endShape.get(0))
          .transpose(0, 3, 1, 2);
    }
    return mapped.reshape(new Shape(b).addAll(endShape));
  }

  /** g's layers after the end layer, then its head: {@code [B, classes]}. */
  NDArray logits(ParameterStore store, NDArray endActivations, boolean training) {
    return end.logitsFrom(store, endActivations, endLayer, training);
  }
}
