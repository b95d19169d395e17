package dev.repflow.collapse;

/**
 * Mean and variance of a symmetric pair function over all pairs {@code i < j} of {@code K} items
 * (the reference library's {@code symm_reduce} of a kernel grid).
 *
 * <p>The {@code K x K} grid is never stored: pairs are visited in {@code tile x tile} blocks, so
 * memory stays {@code O(tile^2)} at any K (K = 1000 classes costs nothing extra) while each block
 * still reads a small, cache-friendly set of rows.
 */
final class PairwiseStats {

  /** Value of the kernel for items {@code i} and {@code j}. */
  @FunctionalInterface
  interface PairFunction {
    double apply(int i, int j);
  }

  private PairwiseStats() {}

  /** {@code [mean, variance]} (population variance, as {@code symm_reduce}). */
  static double[] meanAndVariance(int count, int tile, PairFunction f) {
    if (count < 2) {
      throw new IllegalArgumentException("pairwise statistics need at least 2 items, got " + count);
    }
    double pairs = count * (count - 1) / 2.0;
    double mean = reduce(count, tile, f, Double.NaN) / pairs;
    double variance = reduce(count, tile, f, mean) / pairs;
    return new double[] {mean, variance};
  }

  /** Sum of {@code f} (centre NaN) or of {@code (f - centre)^2} over pairs, block by block. */
  private static double reduce(int count, int tile, PairFunction f, double centre) {
    int t = Math.max(1, tile);
    double total = 0;
    for (int i0 = 0; i0 < count; i0 += t) {
      int i1 = Math.min(count, i0 + t);
      for (int j0 = i0; j0 < count; j0 += t) {
        int j1 = Math.min(count, j0 + t);
        for (int i = i0; i < i1; i++) {
          for (int j = Math.max(j0, i + 1); j < j1; j++) {
            double v = f.apply(i, j);
            total += Double.isNaN(centre) ? v : (v - centre) * (v - centre);
          }
        }
      }
    }
    return total;
  }
}
