package dev.repflow.fungi;

/**
 * A projection fitted to one linear layer: the stored description of {@link FungiProjection}'s
 * artifact. The matrices are a pure function of it ({@link RandomProjection}).
 *
 * @param scheme {@code dense} or {@code kronecker}
 * @param seed Achlioptas sign seed
 * @param layer layer name
 * @param outputs rows of the weight matrix (layer output size)
 * @param inputs columns of the weight matrix plus one for the bias
 * @param dim projected size P
 * @param outputFactor kronecker only: P_out, the projected output side (P = P_out * P_in)
 */
public record ProjectionPlan(
    String scheme, long seed, String layer, int outputs, int inputs, int dim, int outputFactor) {

  /** Size of the flattened per-sample gradient, out * (in + 1). */
  public long gradientDim() {
    return (long) outputs * inputs;
  }

  /** Kronecker only: P_in. */
  public int inputFactor() {
    return dim / outputFactor;
  }

  /**
   * Checks {@code dim} against the layer and picks the Kronecker factors.
   *
   * @throws IllegalArgumentException naming {@code gradients.projection.dim} when it does not fit
   */
  public static ProjectionPlan of(ProjectionSpec spec, String layer, int outputs, int inputs) {
    long g = (long) outputs * inputs;
    if (spec.dim() > g) {
      throw new IllegalArgumentException(
          "gradients.projection.dim "
              + spec.dim()
              + " is larger than the gradient of layer '"
              + layer
              + "' ("
              + outputs
              + " x "
              + inputs
              + " = "
              + g
              + " values)");
    }
    int factor = 0;
    if (spec.scheme().equals(ProjectionSpec.KRONECKER)) {
      factor = kroneckerFactor(spec.dim(), outputs, inputs);
      if (factor == 0) {
        throw new IllegalArgumentException(
            "gradients.projection.dim "
                + spec.dim()
                + " has no factorisation P_out * P_in with P_out <= "
                + outputs
                + " and P_in <= "
                + inputs
                + " for the kronecker scheme; pick another dim or the dense scheme");
      }
    }
    return new ProjectionPlan(
        spec.scheme(), spec.seed(), layer, outputs, inputs, spec.dim(), factor);
  }

  /** The divisor P_out of {@code dim} closest to sqrt(dim) that fits both sides, or 0. */
  static int kroneckerFactor(int dim, int outputs, int inputs) {
    int best = 0;
    double target = Math.sqrt(dim);
    for (int p = 1; p <= Math.min(dim, outputs); p++) {
      if (dim % p == 0
          && dim / p <= inputs
          && (best == 0 || Math.abs(p - target) < Math.abs(best - target))) {
        best = p;
      }
    }
    return best;
  }
}
