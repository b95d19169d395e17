package dev.repflow.stitching;

/** One layer of one named model, written {@code model.layer} in configs. */
public record LayerRef(String model, String layer) {
  public LayerRef {
    if (model == null || layer == null) {
      throw new IllegalArgumentException("layer reference needs model and layer");
    }
  }

  public String label() {
    return model + "." + layer;
  }
}
