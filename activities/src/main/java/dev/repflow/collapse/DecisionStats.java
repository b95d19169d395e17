package dev.repflow.collapse;

/**
 * Per-class agreement between the nearest-class-centre decision and a linear classifier's decision
 * ({@code DecAccumulator}).
 *
 * @param counts {@code [K]} samples per true class
 * @param hits {@code [K]} samples where both classifiers chose the same class
 */
public record DecisionStats(long[] counts, long[] hits) {

  public static DecisionStats empty(int classes) {
    return new DecisionStats(new long[classes], new long[classes]);
  }

  /**
   * Adds rows {@code [from, to)}.
   *
   * @param means {@code [K, D]} class means (NCC centres, uncentred)
   * @param weights {@code [K, D]} classifier weights; decision {@code argmax(W x + b)}
   * @param bias {@code [K]}
   */
  public DecisionStats accumulate(
      float[][] features,
      long[] labels,
      int from,
      int to,
      double[][] means,
      double[][] weights,
      double[] bias,
      LabelMap classes,
      String source) {
    int classCount = counts.length;
    for (int i = from; i < to; i++) {
      int k = classes.row(labels[i], source);
      float[] x = features[i];
      int ncc = 0;
      int linear = 0;
      double best = Double.POSITIVE_INFINITY;
      double top = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classCount; c++) {
        double dist = 0;
        double score = bias[c];
        for (int d = 0; d < x.length; d++) {
          double diff = x[d] - means[c][d];
          dist += diff * diff;
          score += weights[c][d] * x[d];
        }
        if (dist < best) {
          best = dist;
          ncc = c;
        }
        if (score > top) {
          top = score;
          linear = c;
        }
      }
      counts[k]++;
      if (ncc == linear) {
        hits[k]++;
      }
    }
    return this;
  }

  public DecisionStats merge(DecisionStats other) {
    DecisionStats out = empty(counts.length);
    for (int k = 0; k < counts.length; k++) {
      out.counts[k] = counts[k] + other.counts[k];
      out.hits[k] = hits[k] + other.hits[k];
    }
    return out;
  }

  /** NC4: share of all samples on which the two classifiers agree (weighted by class size). */
  public double agreement() {
    long n = 0;
    long h = 0;
    for (int k = 0; k < counts.length; k++) {
      n += counts[k];
      h += hits[k];
    }
    return (double) h / n;
  }
}
