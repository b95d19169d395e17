package dev.repflow.data;

import dev.repflow.artifacts.FeatureTable;
import java.util.Arrays;
import java.util.Map;

/** Feature tables whose rows are the images of an {@link ImageSet}. */
public final class FeatureTables {
  private FeatureTables() {}

  /**
   * @param features {@code [N, D]}, row i describing image i of {@code images}
   * @param attributes artifact-contract attributes (kind, dataset, split, model, layer, ...)
   */
  public static FeatureTable of(
      ImageSet images, float[][] features, Map<String, String> attributes) {
    long[] labels = Arrays.stream(images.labels()).asLongStream().toArray();
    long[] indices = Arrays.stream(images.indices()).asLongStream().toArray();
    return new FeatureTable(features, labels, indices, attributes);
  }

  /** The images' pixels as rows {@code [N, H*W]} in [0, 1]. */
  public static float[][] pixelRows(ImageSet images) {
    int size = images.height() * images.width();
    float[][] rows = new float[images.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = Arrays.copyOfRange(images.pixels(), i * size, (i + 1) * size);
    }
    return rows;
  }
}
