package dev.repflow.fungi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.repflow.linalg.SymmetricEigen;

/**
 * PCA fitted on one matrix: centre by its mean, project on the top eigenvectors of its covariance.
 *
 * <p>The covariance is one float64 matrix product on the PyTorch engine, its eigen-decomposition
 * {@link SymmetricEigen} (float64, each component's largest entry positive); projecting is one
 * float32 product. D is at most a few thousand here.
 */
final class Pca {
  private final float[] mean; // [D]
  private final float[][] components; // [K, D]

  private Pca(float[] mean, float[][] components) {
    this.mean = mean;
    this.components = components;
  }

  /** Fits on {@code x [N, D]} keeping {@code min(dims, D, N)} components. */
  static Pca fit(NDManager manager, float[][] x, int dims) {
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
    double[][] covariance;
    try (NDManager scope = manager.newSubManager()) {
      NDArray centred =
          scope.create(x).toType(DataType.FLOAT64, false).sub(scope.create(mean)); // [N, D]
      double[] flat = centred.transpose().matMul(centred).toDoubleArray();
      double dof = Math.max(1, n - 1); // in Java, not DJL's div(Number): see models.Scalars
      covariance = new double[d][d];
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          covariance[a][b] = flat[a * d + b] / dof;
        }
      }
    }
    SymmetricEigen eigen = SymmetricEigen.of(covariance);
    int k = Math.min(dims, Math.min(d, n));
    float[][] components = new float[k][d];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        components[c][j] = (float) eigen.vectors()[j][c];
      }
    }
    float[] mean32 = new float[d];
    for (int j = 0; j < d; j++) {
      mean32[j] = (float) mean[j];
    }
    return new Pca(mean32, components);
  }

  int dims() {
    return components.length;
  }

  /** {@code [N, D]} to {@code [N, K]}. */
  float[][] transform(NDManager manager, float[][] x) {
    int k = components.length;
    float[] flat;
    try (NDManager scope = manager.newSubManager()) {
      NDArray centred = scope.create(x).sub(scope.create(mean));
      flat = centred.matMul(scope.create(components).transpose()).toFloatArray();
    }
    float[][] out = new float[x.length][k];
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(flat, i * k, out[i], 0, k);
    }
    return out;
  }

  /** The components {@code [K, D]}, unit rows. */
  float[][] components() {
    return components;
  }
}
