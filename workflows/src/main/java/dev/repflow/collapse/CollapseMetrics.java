package dev.repflow.collapse;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;

/**
 * Neural-collapse metrics of one feature set (definitions of the reference library, DESIGN.md 4).
 * NC4 and NC5 are null when no test or OOD features were given.
 *
 * @param report JSON artifact with these values and the inputs' URIs
 * @param nc1Pinv {@code tr(pinv(Sigma_B) Sigma_W) / K}
 * @param nc1Svd same on the top K-1 between-class directions
 * @param nc1Quotient {@code tr(Sigma_W) / tr(Sigma_B)}
 * @param nc1Cdnv mean class-distance normalized variance over class pairs
 * @param nc2EtfError distance of the centred means' Gram from a simplex ETF
 * @param nc2DistVariance variance of pairwise distances of normalized centred means
 * @param nc2LogVariance same for the logarithmic kernel
 * @param nc2RieszVariance same for the Riesz kernel
 * @param nc3DualityError distance of the classifier/means cross Gram from a simplex ETF
 * @param nc3UniformDuality variance over classes of {@code w_k . (mu_k - mu_G)}
 * @param nc4Agreement share of test samples where NCC and the classifier agree
 * @param nc5OodDeviation mean {@code |cos(mu_k, mu_G^ood)|}
 */
public record CollapseMetrics(
    ArtifactRef report,
    double nc1Pinv,
    double nc1Svd,
    double nc1Quotient,
    double nc1Cdnv,
    double nc2EtfError,
    double nc2DistVariance,
    double nc2LogVariance,
    double nc2RieszVariance,
    double nc3DualityError,
    double nc3UniformDuality,
    Double nc4Agreement,
    Double nc5OodDeviation,
    boolean cached)
    implements StepOutcome {

  @Override
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "NC1 pinv %.4g, NC2 ETF %.4g, NC3 dual %.4g",
        nc1Pinv,
        nc2EtfError,
        nc3DualityError);
  }
}
