package dev.repflow.data.corruptions;

import java.util.Random;

/** One corruption family: a pure function of the image, the severity and a random source. */
@FunctionalInterface
public interface Corruption {

  /**
   * Corrupts one image.
   *
   * @param image {@code [H, W]} row-major in [0, 1]; not modified
   * @param severity 1 (mild) to 5 (strong)
   * @param random the only source of randomness; the generator gives every severity of an image the
   *     same sequence, so stronger severities distort the same pattern more
   * @return a new {@code [H, W]} image in [0, 1]
   */
  float[] apply(float[] image, int height, int width, int severity, Random random);
}
