package dev.repflow.collapse;

import java.util.List;

/**
 * The small fixed input of {@code src/test/resources/collapse/reference_values.py}: K=3 classes,
 * D=4, 12 train rows (labels 0,1,2 repeating), 6 test rows, 6 OOD rows of 2 OOD classes.
 */
final class CollapseFixture {
  static final float[][] TRAIN = {
    {2.0f, 0.18f, -0.16f, 0.47f}, {-0.27f, 1.41f, 0.04f, -0.2f}, {-0.3f, -0.37f, 2.29f, 0.71f},
    {2.06f, -0.56f, -0.02f, 1.42f}, {-0.81f, 1.73f, -1.14f, -1.77f}, {-1.11f, -0.14f, 1.24f, 0.66f},
    {2.09f, -0.11f, -1.51f, 0.68f}, {-0.03f, 2.07f, -0.92f, -1.29f}, {-0.59f, -0.49f, 2.64f, 0.02f},
    {1.98f, 0.53f, -0.35f, 0.93f}, {0.07f, 2.04f, -0.74f, -0.95f}, {0.82f, -0.93f, 2.52f, 0.57f}
  };
  static final long[] TRAIN_LABELS = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
  static final float[][] TEST = {
    {1.36f, 2.0f, 0.76f, -0.2f}, {0.07f, 2.58f, -0.19f, -0.32f}, {-0.07f, 0.67f, 3.44f, -0.18f},
    {0.2f, -0.46f, 2.13f, -0.69f}, {-0.58f, 1.8f, 0.9f, 0.15f}, {0.68f, -0.79f, 0.65f, -0.99f}
  };
  static final long[] TEST_LABELS = {0, 1, 2, 2, 1, 0};
  static final float[][] OOD = {
    {0.04f, 0.4f, 1.76f, 1.19f}, {0.17f, 0.13f, 0.25f, 2.02f}, {0.07f, 0.2f, 0.85f, 0.38f},
    {0.3f, -0.61f, 0.49f, 0.06f}, {1.67f, 1.15f, 0.48f, 1.17f}, {0.16f, 1.55f, 0.49f, 1.08f}
  };
  static final long[] OOD_LABELS = {0, 1, 0, 1, 0, 1};
  static final float[][] W = {
    {0.45f, 0.42f, -2.03f, -1.44f}, {-0.37f, 0.92f, 0.2f, 1.69f}, {-1.0f, -0.75f, 2.25f, 1.09f}
  };
  static final LabelMap CLASSES = LabelMap.of(List.of(0, 1, 2));

  private CollapseFixture() {}

  static double[][] weights() {
    double[][] w = new double[W.length][W[0].length];
    for (int k = 0; k < W.length; k++) {
      for (int d = 0; d < W[k].length; d++) {
        w[k][d] = W[k][d];
      }
    }
    return w;
  }

  static MeanStats trainMeans() {
    return MeanStats.empty(3, 4).accumulate(TRAIN, TRAIN_LABELS, 0, 12, CLASSES, "train");
  }

  static SpreadStats trainSpread(double[][] means) {
    return SpreadStats.empty(3, 4).accumulate(TRAIN, TRAIN_LABELS, 0, 12, means, CLASSES, "train");
  }
}
