package dev.repflow.collapse;

/** Empirical NC1 covariance ratios. */
public enum Nc1Method {
  /** {@code tr(pinv(Sigma_B) Sigma_W) / K} (Papyan et al. 2020). */
  PINV,
  /** Same with {@code Sigma_B} inverted on its top K-1 eigenvectors only (Han et al. 2022). */
  SVD,
  /** {@code tr(Sigma_W) / tr(Sigma_B)} (Tirer et al. 2023). */
  QUOTIENT
}
