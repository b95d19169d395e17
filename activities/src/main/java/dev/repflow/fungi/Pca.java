package dev.repflow.fungi;

/**
 * PCA fitted on one matrix: centre by its mean, project on the top eigenvectors of its covariance
 * (cyclic Jacobi eigen-decomposition in float64; D is at most a few thousand here).
 */
final class Pca {
  private static final int MAX_SWEEPS = 60;

  private final double[] mean;
  private final double[][] components; // [K, D]

  private Pca(double[] mean, double[][] components) {
    this.mean = mean;
    this.components = components;
  }

  /**
   * Fits on {@code x [N, D]} keeping {@code min(dims, D, N)} components. With fewer samples than
   * dimensions (a few hundred images of a 768-d backbone) it diagonalises the {@code [N, N]} Gram
   * matrix instead of the {@code [D, D]} covariance: the same components, from a matrix Jacobi can
   * handle in seconds; directions without variance become zero components.
   */
  static Pca fit(float[][] x, int dims) {
    int n = x.length;
    int d = x[0].length;
    double[] mean = new double[d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double[][] centred = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        centred[i][j] = x[i][j] - mean[j];
      }
    }
    int k = Math.min(dims, Math.min(d, n));
    return new Pca(mean, n < d ? viaGram(centred, k) : viaCovariance(centred, k));
  }

  /** Top {@code k} eigenvectors {@code [k, D]} of the covariance of centred rows. */
  private static double[][] viaCovariance(double[][] centred, int k) {
    int d = centred[0].length;
    double[][] cov = new double[d][d];
    for (double[] row : centred) {
      for (int a = 0; a < d; a++) {
        double ca = row[a];
        if (ca != 0) {
          double[] c = cov[a];
          for (int b = a; b < d; b++) {
            c[b] += ca * row[b];
          }
        }
      }
    }
    symmetrise(cov, centred.length);
    double[][] vectors = jacobi(cov); // eigenvalues on cov's diagonal, vectors as columns
    Integer[] order = descending(cov);
    double[][] components = new double[k][d];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        components[c][j] = vectors[j][order[c]];
      }
    }
    return components;
  }

  /**
   * The same from the Gram matrix G = Xc Xc^T / (N - 1): an eigenvector u of G with eigenvalue l
   * gives the covariance eigenvector Xc^T u / sqrt(l (N - 1)).
   */
  private static double[][] viaGram(double[][] centred, int k) {
    int n = centred.length;
    int d = centred[0].length;
    double[][] gram = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = a; b < n; b++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += centred[a][j] * centred[b][j];
        }
        gram[a][b] = s;
      }
    }
    symmetrise(gram, n);
    double[][] vectors = jacobi(gram);
    Integer[] order = descending(gram);
    double largest = Math.max(gram[order[0]][order[0]], Double.MIN_NORMAL);
    double[][] components = new double[k][d];
    for (int c = 0; c < k; c++) {
      double l = gram[order[c]][order[c]];
      if (l <= 1e-12 * largest) {
        continue; // no variance left in this direction
      }
      double scale = 1 / Math.sqrt(l * Math.max(1, n - 1));
      for (int i = 0; i < n; i++) {
        double u = vectors[i][order[c]] * scale;
        for (int j = 0; j < d; j++) {
          components[c][j] += u * centred[i][j];
        }
      }
    }
    return components;
  }

  /** Divides the upper triangle by N - 1 and mirrors it. */
  private static void symmetrise(double[][] m, int n) {
    for (int a = 0; a < m.length; a++) {
      for (int b = a; b < m.length; b++) {
        m[a][b] /= Math.max(1, n - 1);
        m[b][a] = m[a][b];
      }
    }
  }

  /** Indices of the diagonal of {@code m} (eigenvalues), largest first. */
  private static Integer[] descending(double[][] m) {
    Integer[] order = new Integer[m.length];
    for (int i = 0; i < m.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (p, q) -> Double.compare(m[q][q], m[p][p]));
    return order;
  }

  int dims() {
    return components.length;
  }

  /** {@code [N, D]} to {@code [N, K]}. */
  float[][] transform(float[][] x) {
    int d = mean.length;
    float[][] out = new float[x.length][components.length];
    double[] centred = new double[d];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < d; j++) {
        centred[j] = x[i][j] - mean[j];
      }
      for (int c = 0; c < components.length; c++) {
        double s = 0;
        double[] comp = components[c];
        for (int j = 0; j < d; j++) {
          s += comp[j] * centred[j];
        }
        out[i][c] = (float) s;
      }
    }
    return out;
  }

  /** Diagonalises symmetric {@code a} in place; returns the eigenvectors as columns. */
  static double[][] jacobi(double[][] a) {
    int d = a.length;
    double[][] v = new double[d][d];
    for (int i = 0; i < d; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      double total = 0;
      for (int p = 0; p < d; p++) {
        for (int q = 0; q < d; q++) {
          total += a[p][q] * a[p][q];
          if (p != q) {
            off += a[p][q] * a[p][q];
          }
        }
      }
      if (off <= 1e-22 * total) {
        break;
      }
      for (int p = 0; p < d - 1; p++) {
        for (int q = p + 1; q < d; q++) {
          if (Math.abs(a[p][q]) > 1e-300) {
            rotate(a, v, p, q);
          }
        }
      }
    }
    return v;
  }

  private static void rotate(double[][] a, double[][] v, int p, int q) {
    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    int d = a.length;
    for (int k = 0; k < d; k++) {
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    for (int k = 0; k < d; k++) {
      double apk = a[p][k];
      double aqk = a[q][k];
      a[p][k] = c * apk - s * aqk;
      a[q][k] = s * apk + c * aqk;
    }
    for (int k = 0; k < d; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }
}
