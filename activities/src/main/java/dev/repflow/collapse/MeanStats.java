package dev.repflow.collapse;

import dev.repflow.linalg.Matrices;

/**
 * Per-class sample counts and feature sums: the mergeable state behind class means (the reference
 * library's {@code MeanAccumulator}).
 *
 * @param counts {@code [K]} samples per class
 * @param sums {@code [K, D]} per-class feature sums
 */
public record MeanStats(long[] counts, double[][] sums) {

  public static MeanStats empty(int classes, int dim) {
    return new MeanStats(new long[classes], new double[classes][dim]);
  }

  /** Adds rows {@code [from, to)} of {@code features [N, D]} with their {@code labels [N]}. */
  public MeanStats accumulate(
      float[][] features, long[] labels, int from, int to, LabelMap classes, String source) {
    for (int i = from; i < to; i++) {
      int k = classes.row(labels[i], source);
      counts[k]++;
      double[] sum = sums[k];
      float[] x = features[i];
      for (int d = 0; d < x.length; d++) {
        sum[d] += x[d];
      }
    }
    return this;
  }

  /** Sum of both states: the state of the union of their samples. */
  public MeanStats merge(MeanStats other) {
    MeanStats out = empty(counts.length, sums[0].length);
    for (int k = 0; k < counts.length; k++) {
      out.counts[k] = counts[k] + other.counts[k];
      for (int d = 0; d < sums[k].length; d++) {
        out.sums[k][d] = sums[k][d] + other.sums[k][d];
      }
    }
    return out;
  }

  /** Class means {@code [K, D]}. */
  public double[][] means() {
    double[][] m = new double[counts.length][];
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] == 0) {
        throw new IllegalArgumentException("class row " + k + " has no samples");
      }
      m[k] = Matrices.scale(sums[k], 1.0 / counts[k]);
    }
    return m;
  }

  /** Global mean {@code [D]}: the unweighted mean of the class means (as the reference library). */
  public double[] globalMean() {
    return Matrices.columnMeans(means());
  }
}
