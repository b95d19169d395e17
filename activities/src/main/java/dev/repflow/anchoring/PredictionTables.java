package dev.repflow.anchoring;

import dev.repflow.artifacts.FeatureTable;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageShape;
import dev.repflow.data.Normalization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Between the feature tables of the store and the arrays inference and metrics work on. */
final class PredictionTables {
  private PredictionTables() {}

  /**
   * A corrupted set's rows as images.
   *
   * @param set features {@code [S * N, C * H * W]} with attributes {@code channels}, {@code height}
   *     and {@code width}
   * @param dataset whose normalisation turns the rows into model input
   */
  static ImageSet images(FeatureTable set, DatasetSpec dataset) {
    int channels = Integer.parseInt(set.attributes().getOrDefault("channels", "1"));
    int height = Integer.parseInt(set.attributes().getOrDefault("height", "28"));
    int width = Integer.parseInt(set.attributes().getOrDefault("width", "28"));
    int size = set.columns();
    float[] pixels = new float[set.rows() * size];
    int[] labels = new int[set.rows()];
    for (int i = 0; i < set.rows(); i++) {
      System.arraycopy(set.features()[i], 0, pixels, i * size, size);
      labels[i] = (int) set.labels()[i];
    }
    ImageShape shape = new ImageShape(channels, height, width);
    return new ImageSet(
        pixels,
        shape,
        labels,
        IntStream.range(0, labels.length).toArray(),
        Normalization.of(dataset.preprocess(), channels));
  }

  /** {@code [N, C + 1]}: the probabilities, then the spread across anchors. */
  static float[][] rows(Prediction prediction) {
    float[][] rows = new float[prediction.probabilities().length][];
    for (int i = 0; i < rows.length; i++) {
      float[] p = prediction.probabilities()[i];
      rows[i] = Arrays.copyOf(p, p.length + 1);
      rows[i][p.length] = prediction.uncertainty()[i];
    }
    return rows;
  }

  /**
   * Metrics of stored predictions per severity block (rows severity-major, see {@link
   * CorruptedSet}).
   */
  static List<SeverityMetrics> perSeverity(
      FeatureTable predictions, List<Integer> severities, int bins) {
    int classes = predictions.columns() - 1;
    float[][] probabilities = new float[predictions.rows()][];
    float[] uncertainty = new float[predictions.rows()];
    int[] labels = new int[predictions.rows()];
    for (int i = 0; i < probabilities.length; i++) {
      probabilities[i] = Arrays.copyOf(predictions.features()[i], classes);
      uncertainty[i] = predictions.features()[i][classes];
      labels[i] = (int) predictions.labels()[i];
    }
    Prediction prediction = new Prediction(probabilities, uncertainty);
    int perSeverity = labels.length / severities.size();
    List<SeverityMetrics> out = new ArrayList<>();
    for (int s = 0; s < severities.size(); s++) {
      out.add(
          CalibrationMetrics.of(
              severities.get(s), prediction, labels, s * perSeverity, (s + 1) * perSeverity, bins));
    }
    return out;
  }
}
