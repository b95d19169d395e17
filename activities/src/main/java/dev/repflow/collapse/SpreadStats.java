package dev.repflow.collapse;

/**
 * Within-class scatter around known class means: the mergeable state behind the within-class
 * covariance ({@code CovarAccumulator}) and the per-class variance norms ({@code
 * VarNormAccumulator}).
 *
 * @param counts {@code [K]} samples per class
 * @param scatter {@code [D, D]} sum over samples of {@code (x - mu_y)(x - mu_y)^T}
 * @param squaredDistances {@code [K]} per-class sum of {@code ||x - mu_y||^2}
 */
public record SpreadStats(long[] counts, double[][] scatter, double[] squaredDistances) {

  public static SpreadStats empty(int classes, int dim) {
    return new SpreadStats(new long[classes], new double[dim][dim], new double[classes]);
  }

  /** Adds rows {@code [from, to)}; {@code means [K, D]} from a finished {@link MeanStats}. */
  public SpreadStats accumulate(
      float[][] features,
      long[] labels,
      int from,
      int to,
      double[][] means,
      LabelMap classes,
      String source) {
    int dim = scatter.length;
    double[] diff = new double[dim];
    for (int i = from; i < to; i++) {
      int k = classes.row(labels[i], source);
      counts[k]++;
      double norm = 0;
      for (int d = 0; d < dim; d++) {
        diff[d] = features[i][d] - means[k][d];
        norm += diff[d] * diff[d];
      }
      squaredDistances[k] += norm;
      for (int a = 0; a < dim; a++) {
        double da = diff[a];
        double[] row = scatter[a];
        for (int b = a; b < dim; b++) {
          row[b] += da * diff[b];
        }
      }
    }
    return this;
  }

  public SpreadStats merge(SpreadStats other) {
    int dim = scatter.length;
    SpreadStats out = empty(counts.length, dim);
    for (int k = 0; k < counts.length; k++) {
      out.counts[k] = counts[k] + other.counts[k];
      out.squaredDistances[k] = squaredDistances[k] + other.squaredDistances[k];
    }
    for (int a = 0; a < dim; a++) {
      for (int b = 0; b < dim; b++) {
        out.scatter[a][b] = scatter[a][b] + other.scatter[a][b];
      }
    }
    return out;
  }

  /** Within-class covariance {@code [D, D]}: scatter over all samples / N (upper triangle kept). */
  public double[][] withinCovariance() {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    int dim = scatter.length;
    double[][] cov = new double[dim][dim];
    for (int a = 0; a < dim; a++) {
      for (int b = a; b < dim; b++) {
        cov[a][b] = scatter[a][b] / n;
        cov[b][a] = cov[a][b];
      }
    }
    return cov;
  }

  /** Per-class mean squared distance to the class mean {@code [K]} (CDNV's variances). */
  public double[] varianceNorms() {
    double[] v = new double[counts.length];
    for (int k = 0; k < v.length; k++) {
      v[k] = squaredDistances[k] / counts[k];
    }
    return v;
  }
}
