package dev.repflow.stitching;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.repflow.models.PortableMath;
import dev.repflow.models.Scalars;

/**
 * Energy-based OOD fine-tuning loss (Liu et al. 2020), as used by the stitching paper: {@code CE +
 * w (mean relu(E_in - m_in)^2 + mean relu(m_out - E_out)^2)} with energy {@code E(x) = -logsumexp
 * f(x)}.
 */
final class EnergyLoss {
  private EnergyLoss() {}

  /** {@code [B, C] -> [B]} energies {@code -logsumexp} over classes. */
  static NDArray energy(NDArray logits) {
    return PortableMath.logSumExp(logits, 1).neg();
  }

  /** Mean softmax cross-entropy; {@code targets} {@code [B]} int64 class indices. */
  static NDArray crossEntropy(NDArray logits, NDArray targets) {
    int classes = (int) logits.getShape().get(1);
    return logits.logSoftmax(1).mul(targets.oneHot(classes)).sum(new int[] {1}).neg().mean();
  }

  /**
   * @param inLogits {@code [B, C]} on in-distribution inputs with {@code targets}
   * @param outLogits {@code [B', C]} on auxiliary outliers
   */
  static NDArray loss(
      NDArray inLogits,
      NDArray targets,
      NDArray outLogits,
      double mIn,
      double mOut,
      double weight) {
    NDArray inTerm = Activation.relu(energy(inLogits).sub(Scalars.of(inLogits, mIn))).square();
    NDArray outTerm = Activation.relu(Scalars.of(outLogits, mOut).sub(energy(outLogits))).square();
    NDArray penalty = inTerm.mean().add(outTerm.mean());
    return crossEntropy(inLogits, targets).add(penalty.mul(Scalars.of(penalty, weight)));
  }
}
