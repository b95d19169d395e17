package dev.repflow.anchoring;

import dev.repflow.data.ImageShape;
import java.util.Locale;

/**
 * One model of the comparison: the standard network, or an anchored one with its masking rate.
 *
 * @param name label in tables and stage names: {@code standard} or {@code anchored-a0.25}
 * @param anchored true for input [anchor, x - anchor] (twice the channels), false for plain input
 * @param alpha probability of reference masking per batch (the reference channel zeroed, the
 *     residual kept: input [0, x - anchor]); 0 when not anchored
 */
public record ModelVariant(String name, boolean anchored, double alpha) {

  public ModelVariant {
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("train.alphas: alpha must be in [0, 1], got " + alpha);
    }
  }

  /** The plain network trained without anchoring. */
  public static ModelVariant standard() {
    return new ModelVariant("standard", false, 0);
  }

  /**
   * The network input for images of shape {@code images}: the same, or twice the channels when
   * anchored ([anchor, x - anchor]).
   */
  public ImageShape inputFor(ImageShape images) {
    return anchored
        ? new ImageShape(2 * images.channels(), images.height(), images.width())
        : images;
  }

  /** An anchored network with reference-masking probability {@code alpha}. */
  public static ModelVariant anchored(double alpha) {
    return new ModelVariant(String.format(Locale.ROOT, "anchored-a%.2f", alpha), true, alpha);
  }
}
