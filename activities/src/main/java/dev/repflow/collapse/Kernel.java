package dev.repflow.collapse;

/**
 * Kernels on distances between normalized centred class means (NC2 generalized, Liu et al. 2023).
 */
public enum Kernel {
  /** Euclidean distance {@code d}. */
  DIST,
  /** Logarithmic kernel {@code log(d^-1)}. */
  LOG,
  /** Riesz kernel {@code sign(S) d^-S} with {@code S = D - 2}. */
  RIESZ;

  double apply(double distance, int dim) {
    return switch (this) {
      case DIST -> distance;
      case LOG -> Math.log(1.0 / distance);
      case RIESZ -> {
        int s = dim - 2;
        yield Math.copySign(1.0, s) * Math.pow(distance, -s);
      }
    };
  }
}
