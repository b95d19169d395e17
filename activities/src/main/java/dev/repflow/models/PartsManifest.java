package dev.repflow.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.repflow.data.ImageShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code parts.json}, written by {@code tools/fungi_export.py} beside the TorchScript parts: what
 * the parts take and give, so repflow can check a dataset against them before any work.
 *
 * @param format 2 (the only one): {@code front} returns the layer input and, when {@code
 *     frontOutputs} is 2, the residual stream the tail needs as its second input
 * @param input {@code [C, H, W]} the front takes
 * @param layer the gradient layer's name in the original network
 * @param layerShape {@code [out, in]} of its weight
 * @param embeddingDim size of the tail's output
 * @param frontOutputs 1 (front -> h, tail(z)) or 2 (front -> (h, r), tail(z, r))
 * @param preprocess what the weights were trained with (resize, crop, mean, std), as a hint for
 *     {@code dataset.preprocess}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartsManifest(
    int format,
    List<Integer> input,
    String layer,
    @JsonProperty("layer_shape") List<Integer> layerShape,
    @JsonProperty("embedding_dim") int embeddingDim,
    @JsonProperty("front_outputs") int frontOutputs,
    Object preprocess) {
  static final String FILE = "parts.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads and checks {@code dir}/parts.json.
   *
   * @throws IllegalArgumentException naming the file when it is missing or malformed
   */
  static PartsManifest read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "torchscript: "
              + file
              + " is missing: export the backbone with tools/fungi_export.py (parts format 2)");
    }
    PartsManifest m;
    try {
      m = JSON.readValue(file.toFile(), PartsManifest.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "torchscript: " + file + " is not a valid parts manifest: " + e.getMessage(), e);
    }
    if (m.format() != 2
        || m.input() == null
        || m.input().size() != 3
        || m.layerShape() == null
        || m.layerShape().size() != 2
        || m.embeddingDim() < 1
        || (m.frontOutputs() != 1 && m.frontOutputs() != 2)) {
      throw new IllegalArgumentException(
          "torchscript: "
              + file
              + " must have format 2, input [C, H, W], layer_shape [out, in], embedding_dim and"
              + " front_outputs 1 or 2; got "
              + m);
    }
    return m;
  }

  /** {@link #input()} as a shape. */
  ImageShape inputShape() {
    return new ImageShape(input.get(0), input.get(1), input.get(2));
  }
}
