package dev.repflow.fungi;

import java.util.List;

/** FUNGI's feature assembly: each block L2-normalised per row, then blocks side by side. */
final class FeatureBlocks {
  private FeatureBlocks() {}

  /**
   * @param blocks each {@code [N, D_b]}, same N
   * @return {@code [N, sum D_b]}
   */
  static float[][] concat(List<float[][]> blocks) {
    int n = blocks.get(0).length;
    int total = blocks.stream().mapToInt(b -> b.length == 0 ? 0 : b[0].length).sum();
    float[][] out = new float[n][total];
    for (int i = 0; i < n; i++) {
      int offset = 0;
      for (float[][] block : blocks) {
        float[] row = block[i];
        double norm = 0;
        for (float v : row) {
          norm += (double) v * v;
        }
        double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (int j = 0; j < row.length; j++) {
          out[i][offset + j] = (float) (row[j] * scale);
        }
        offset += row.length;
      }
    }
    return out;
  }
}
