package dev.repflow.imprinting;

/**
 * Normalizations (NORM) as in IMPRINT's {@code ImprintedModel.normalize}: embeddings (NORMpre,
 * NORMinf) take {@code none} or {@code l2}; imprinted weights (NORMpost) also {@code quantile},
 * which needs the weights imprinted before ({@link QuantileNorm}).
 */
final class Norms {
  private Norms() {}

  /** Normalized copy of embeddings {@code rows [N, D]}: none | l2. */
  static double[][] embeddings(String norm, double[][] rows) {
    return switch (norm) {
      case "none" -> rows;
      case "l2" -> l2(rows);
      default -> throw new IllegalArgumentException("unknown embedding normalization " + norm);
    };
  }

  /**
   * Normalized weights {@code [P, D]} of {@code proxies}, same row order: none | l2 | quantile
   * (imprinted class by class, see {@link QuantileNorm#imprint}).
   */
  static double[][] weights(String norm, Proxies proxies, int classes) {
    return switch (norm) {
      case "none" -> proxies.vectors();
      case "l2" -> l2(proxies.vectors());
      case "quantile" -> QuantileNorm.imprint(proxies.vectors(), proxies.classOf(), classes);
      default -> throw new IllegalArgumentException("unknown weight normalization " + norm);
    };
  }

  /** Rows scaled to unit length, {@code x / max(|x|, 1e-12)} (torch's F.normalize). */
  static double[][] l2(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      double s = 0;
      for (double v : rows[i]) {
        s += v * v;
      }
      double inv = 1.0 / Math.max(Math.sqrt(s), 1e-12);
      out[i] = new double[rows[i].length];
      for (int d = 0; d < out[i].length; d++) {
        out[i][d] = rows[i][d] * inv;
      }
    }
    return out;
  }
}
