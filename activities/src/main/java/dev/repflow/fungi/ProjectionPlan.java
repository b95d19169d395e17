package dev.repflow.fungi;

/**
 * A projection fitted to one linear layer: the stored description of {@link FungiProjection}'s
 * artifact. The matrices are a pure function of it ({@link RandomProjection}).
 *
 * @param scheme {@code dense}, {@code kronecker}, {@code khatri-rao} or {@code sketch}
 * @param seed Achlioptas sign seed
 * @param layer layer name
 * @param outputs rows of the weight matrix (layer output size)
 * @param inputs columns of the weight matrix plus one for the bias
 * @param dim projected size P
 * @param outputFactor kronecker and sketch: the projected output side (kronecker: P = P_out * P_in;
 *     sketch: equal to {@code outputs} when that side is kept whole)
 * @param inputFactor kronecker and sketch: the projected input side
 */
public record ProjectionPlan(
    String scheme,
    long seed,
    String layer,
    int outputs,
    int inputs,
    int dim,
    int outputFactor,
    int inputFactor) {
  /** Sketch: largest first-stage size, outputFactor * inputFactor. */
  static final int SKETCH_VALUES = 1 << 16;

  /** Sketch: largest output side kept whole. */
  static final int SKETCH_OUTPUTS = 256;

  /** Size of the flattened per-sample gradient, out * (in + 1). */
  public long gradientDim() {
    return (long) outputs * inputs;
  }

  /** Sketch: the first stage's size padded to a multiple of P, so every bucket sums as many. */
  public int sketchSize() {
    int values = outputFactor * inputFactor;
    return (values + dim - 1) / dim * dim;
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
    if (spec.scheme().equals(ProjectionSpec.SKETCH)) {
      int a = Math.min(outputs, SKETCH_OUTPUTS);
      int b = Math.min(inputs, SKETCH_VALUES / a);
      return new ProjectionPlan(
          spec.scheme(), spec.seed(), layer, outputs, inputs, spec.dim(), a, b);
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
        spec.scheme(),
        spec.seed(),
        layer,
        outputs,
        inputs,
        spec.dim(),
        factor,
        factor == 0 ? 0 : spec.dim() / factor);
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
