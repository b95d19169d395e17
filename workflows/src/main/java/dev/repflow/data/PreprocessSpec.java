package dev.repflow.data;

import java.util.List;

/**
 * How images become model input: decoded pixels are converted to {@code channels}, their shorter
 * side resized to {@code resize} (bilinear, antialiased, aspect kept), center-cropped to {@code
 * crop} x {@code crop}, scaled to [0, 1], then normalised per channel: {@code (x - mean) / std}.
 *
 * <p>Every field left out takes its format's default ({@link #defaultsFor}); the resolved spec is
 * part of every cache key and recorded in the feature files' attributes.
 *
 * @param resize target length of the shorter side in pixels; null keeps the decoded size
 * @param crop side of the center crop in pixels, after resizing; null crops nothing
 * @param channels 1 (grayscale, ITU-R 601 luma of colour images) or 3 (RGB; grayscale images are
 *     repeated)
 * @param mean per channel, subtracted after scaling to [0, 1]; one value or one per channel
 * @param std per channel, divides after the mean; one value or one per channel
 */
public record PreprocessSpec(
    Integer resize, Integer crop, Integer channels, List<Double> mean, List<Double> std) {
  /** ImageNet statistics of torchvision's pretrained weights (RGB). */
  public static final List<Double> IMAGENET_MEAN = List.of(0.485, 0.456, 0.406);

  public static final List<Double> IMAGENET_STD = List.of(0.229, 0.224, 0.225);

  public PreprocessSpec {
    requireSide("dataset.preprocess.resize", resize);
    requireSide("dataset.preprocess.crop", crop);
    if (channels != null && channels != 1 && channels != 3) {
      throw new IllegalArgumentException(
          "dataset.preprocess.channels must be 1 (gray) or 3 (RGB), got " + channels);
    }
    mean = mean == null ? null : List.copyOf(mean);
    std = std == null ? null : List.copyOf(std);
    if (std != null && std.stream().anyMatch(s -> !(s > 0))) {
      throw new IllegalArgumentException(
          "dataset.preprocess.std values must be positive, got " + std);
    }
  }

  /**
   * The defaults of a format: {@code imagefolder} is RGB with ImageNet mean and std (what
   * pretrained backbones expect); the others keep their channels and scale to [0, 1] only, so
   * FashionMNIST's input is exactly what it was before preprocessing existed.
   *
   * @param channels the format's natural channel count (1 for FashionMNIST, 3 for CIFAR), or null
   *     when only the data can tell (npy)
   */
  public static PreprocessSpec defaultsFor(String format, Integer channels) {
    if (format.equals(DatasetSpec.IMAGEFOLDER)) {
      return new PreprocessSpec(null, null, 3, IMAGENET_MEAN, IMAGENET_STD);
    }
    return new PreprocessSpec(null, null, channels, List.of(0.0), List.of(1.0));
  }

  /**
   * This spec with every unset field taken from {@code defaults}. A channel count that differs from
   * the defaults' drops their per-channel statistics (ImageNet's RGB mean means nothing for one
   * gray channel): the mean of them is used instead.
   */
  public PreprocessSpec over(PreprocessSpec defaults) {
    Integer c = channels != null ? channels : defaults.channels();
    List<Double> m = mean != null ? mean : fit(defaults.mean(), c);
    List<Double> s = std != null ? std : fit(defaults.std(), c);
    PreprocessSpec merged =
        new PreprocessSpec(
            resize != null ? resize : defaults.resize(),
            crop != null ? crop : defaults.crop(),
            c,
            m,
            s);
    merged.requireStatistics(c);
    return merged;
  }

  /**
   * Checks that mean and std have one value, or one per channel when {@code c} is known.
   *
   * @throws IllegalArgumentException naming the key otherwise
   */
  public void requireStatistics(Integer c) {
    requireCount("mean", mean, c);
    requireCount("std", std, c);
  }

  private static void requireCount(String key, List<Double> values, Integer c) {
    if (values != null && values.size() != 1 && c != null && values.size() != c) {
      throw new IllegalArgumentException(
          "dataset.preprocess."
              + key
              + " needs 1 value or "
              + c
              + " (one per channel), got "
              + values);
    }
  }

  /** True when normalisation changes nothing (mean 0, std 1 on every channel). */
  public boolean identityNormalization() {
    return mean.stream().allMatch(v -> v == 0.0) && std.stream().allMatch(v -> v == 1.0);
  }

  private static List<Double> fit(List<Double> values, Integer channels) {
    if (values.size() == 1 || channels == null || values.size() == channels) {
      return values;
    }
    return List.of(values.stream().mapToDouble(Double::doubleValue).average().orElse(0));
  }

  private static void requireSide(String key, Integer value) {
    if (value != null && (value < 1 || value > 4096)) {
      throw new IllegalArgumentException(key + " must be in 1..4096 pixels, got " + value);
    }
  }
}
