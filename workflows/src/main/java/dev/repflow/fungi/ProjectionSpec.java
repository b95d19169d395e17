package dev.repflow.fungi;

import java.util.Locale;

/**
 * The random projection shared by every objective and split.
 *
 * @param scheme {@code dense}: one Achlioptas +-1 matrix [G, P] scaled 1/sqrt(P) over the flattened
 *     gradient; {@code kronecker}: one such matrix per side of the weight matrix, so the projected
 *     gradient comes from the projected layer input and projected upstream gradient without forming
 *     the [out, in] gradient; {@code khatri-rao}: one independent pair of sign vectors per output
 *     feature (feature k = u_k^T G w_k); {@code sketch}: a Kronecker sketch of both sides into at
 *     most 65,536 values (a side of at most 256 outputs, or one that fits, is kept whole), then a
 *     signed count sketch of those to P. Only {@code dense} forms the per-sample gradient. Default
 *     dense.
 * @param dim projected size P; 0 means the embedding size
 * @param seed default 42
 */
public record ProjectionSpec(String scheme, int dim, Long seed) {
  public static final String DENSE = "dense";
  public static final String KRONECKER = "kronecker";
  public static final String KHATRI_RAO = "khatri-rao";
  public static final String SKETCH = "sketch";
  public static final java.util.List<String> SCHEMES =
      java.util.List.of(DENSE, KRONECKER, KHATRI_RAO, SKETCH);

  public ProjectionSpec {
    scheme = scheme == null ? DENSE : scheme.toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      throw new IllegalArgumentException(
          "gradients.projection.scheme: unknown scheme '"
              + scheme
              + "' (known: "
              + String.join(", ", SCHEMES)
              + ")");
    }
    if (dim < 0) {
      throw new IllegalArgumentException("gradients.projection.dim must be >= 0, got " + dim);
    }
    seed = seed == null ? 42L : seed;
  }

  /** Copy with the projected size filled in. */
  public ProjectionSpec withDim(int d) {
    return new ProjectionSpec(scheme, d, seed);
  }
}
