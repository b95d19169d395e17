package dev.repflow.data;

import java.util.Arrays;
import java.util.List;

/**
 * Per-channel standardisation of model input, {@code (x - mean[c]) / std[c]}, in float32 as
 * torchvision's {@code Normalize} computes it.
 *
 * @param mean {@code [C]}
 * @param std {@code [C]}
 */
public record Normalization(float[] mean, float[] std) {

  /** Mean 0 and std 1 on {@code channels} channels: model input equals the [0, 1] pixels. */
  public static Normalization identity(int channels) {
    float[] zeros = new float[channels];
    float[] ones = new float[channels];
    Arrays.fill(ones, 1f);
    return new Normalization(zeros, ones);
  }

  /**
   * The normalisation of {@code spec} for {@code channels} channels; a single value applies to
   * every channel.
   *
   * @throws IllegalArgumentException when the spec lists another number of values
   */
  public static Normalization of(PreprocessSpec spec, int channels) {
    spec.requireStatistics(channels);
    return new Normalization(expand(spec.mean(), channels), expand(spec.std(), channels));
  }

  public int channels() {
    return mean.length;
  }

  /** True when it changes nothing, so callers can skip the arithmetic (and keep exact bits). */
  public boolean isIdentity() {
    for (int c = 0; c < mean.length; c++) {
      if (mean[c] != 0f || std[c] != 1f) {
        return false;
      }
    }
    return true;
  }

  /**
   * Normalises one image in place.
   *
   * @param chw {@code [C, H, W]} row-major starting at {@code offset}
   * @param pixels H * W
   */
  public void apply(float[] chw, int offset, int pixels) {
    if (isIdentity()) {
      return;
    }
    for (int c = 0; c < mean.length; c++) {
      int from = offset + c * pixels;
      for (int p = from; p < from + pixels; p++) {
        chw[p] = (chw[p] - mean[c]) / std[c];
      }
    }
  }

  private static float[] expand(List<Double> values, int channels) {
    float[] out = new float[channels];
    for (int c = 0; c < channels; c++) {
      out[c] = (float) (double) values.get(values.size() == 1 ? 0 : c);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std);
  }
}
