package dev.repflow.data;

import dev.repflow.artifacts.CacheKeys;
import dev.repflow.artifacts.FeatureTable;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Feature tables whose rows are the images of an {@link ImageSet}, and their attributes. */
public final class FeatureTables {
  private FeatureTables() {}

  /**
   * @param features {@code [N, D]}, row i describing image i of {@code images}
   * @param attributes artifact-contract attributes (kind, dataset, split, model, layer, ...)
   */
  public static FeatureTable of(
      ImageSet images, float[][] features, Map<String, String> attributes) {
    return new LabeledRows(features, images.labels(), images.indices()).table(attributes);
  }

  /** The images' pixels as rows {@code [N, C*H*W]} in [0, 1]. */
  public static float[][] pixelRows(ImageSet images) {
    int size = images.valuesPerImage();
    float[][] rows = new float[images.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = Arrays.copyOfRange(images.pixels(), i * size, (i + 1) * size);
    }
    return rows;
  }

  /**
   * What every feature file records about its images: {@code dataset} (name), {@code format},
   * {@code split}, and {@code preprocess} (the resolved preprocessing as canonical JSON), plus
   * {@code more}.
   */
  public static Map<String, String> attributes(
      DatasetSpec dataset, Split split, Map<String, String> more) {
    Map<String, String> all = new TreeMap<>(more);
    all.put("dataset", dataset.name());
    all.put("format", dataset.format());
    all.put("split", split.id());
    all.put("preprocess", CacheKeys.canonicalJson(dataset.preprocess()));
    return all;
  }
}
