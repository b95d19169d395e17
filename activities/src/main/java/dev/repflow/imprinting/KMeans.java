package dev.repflow.imprinting;

import java.util.Random;

/** Lloyd's k-means with k-means++ seeding from an explicit seed (deterministic). */
final class KMeans {
  private static final int MAX_ITERATIONS = 100;

  private KMeans() {}

  /** {@code min(k, N)} centroids {@code [k, D]} of {@code x [N, D]}. */
  static double[][] fit(double[][] x, int k, long seed) {
    int n = x.length;
    int kk = Math.min(k, n);
    Random random = new Random(seed);
    double[][] c = new double[kk][];
    c[0] = x[random.nextInt(n)].clone();
    double[] dist = new double[n];
    for (int j = 1; j < kk; j++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        dist[i] = nearest(x[i], c, j)[1];
        total += dist[i];
      }
      double u = random.nextDouble() * total;
      int pick = n - 1;
      for (int i = 0; i < n; i++) {
        u -= dist[i];
        if (u <= 0 && dist[i] > 0) {
          pick = i;
          break;
        }
      }
      c[j] = x[pick].clone();
    }
    int[] assign = new int[n];
    java.util.Arrays.fill(assign, -1);
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        int a = (int) nearest(x[i], c, kk)[0];
        changed |= a != assign[i];
        assign[i] = a;
      }
      if (!changed) {
        break;
      }
      double[][] sums = new double[kk][x[0].length];
      int[] counts = new int[kk];
      for (int i = 0; i < n; i++) {
        counts[assign[i]]++;
        for (int d = 0; d < x[i].length; d++) {
          sums[assign[i]][d] += x[i][d];
        }
      }
      for (int j = 0; j < kk; j++) {
        if (counts[j] > 0) { // an empty cluster keeps its centroid
          for (int d = 0; d < sums[j].length; d++) {
            c[j][d] = sums[j][d] / counts[j];
          }
        }
      }
    }
    return c;
  }

  /** {@code [index, squared distance]} of the nearest of the first {@code used} centroids. */
  private static double[] nearest(double[] p, double[][] c, int used) {
    int best = 0;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int j = 0; j < used; j++) {
      double s = 0;
      for (int d = 0; d < p.length; d++) {
        double diff = p[d] - c[j][d];
        s += diff * diff;
      }
      if (s < bestDist) {
        bestDist = s;
        best = j;
      }
    }
    return new double[] {best, bestDist};
  }
}
