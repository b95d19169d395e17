package dev.repflow.data.corruptions;

import dev.repflow.data.ImageSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The corruption generator: CIFAR-10-C's families by their CIFAR-10-C names, applied
 * deterministically to each channel (written for grayscale; colour images are corrupted channel by
 * channel).
 */
public final class Corruptions {
  /** Images between two progress calls. */
  public static final int PROGRESS_EVERY = 500;

  private static final Map<String, Corruption> ALL = new LinkedHashMap<>();

  static {
    ALL.put("gaussian_noise", NoiseCorruptions::gaussian);
    ALL.put("shot_noise", NoiseCorruptions::shot);
    ALL.put("impulse_noise", NoiseCorruptions::impulse);
    ALL.put("speckle_noise", NoiseCorruptions::speckle);
    ALL.put("defocus_blur", BlurCorruptions::defocus);
    ALL.put("gaussian_blur", BlurCorruptions::gaussian);
    ALL.put("motion_blur", BlurCorruptions::motion);
    ALL.put("zoom_blur", BlurCorruptions::zoom);
    ALL.put("glass_blur", BlurCorruptions::glass);
    ALL.put("fog", WeatherCorruptions::fog);
    ALL.put("snow", WeatherCorruptions::snow);
    ALL.put("spatter", WeatherCorruptions::spatter);
    ALL.put("contrast", DigitalCorruptions::contrast);
    ALL.put("brightness", DigitalCorruptions::brightness);
    ALL.put("pixelate", DigitalCorruptions::pixelate);
    ALL.put("jpeg_compression", DigitalCorruptions::jpeg);
    ALL.put("elastic_transform", DigitalCorruptions::elastic);
  }

  /** Families whose random draws are pixel noise: drawn independently for every channel. */
  private static final List<String> NOISE =
      List.of("gaussian_noise", "shot_noise", "impulse_noise", "speckle_noise");

  private Corruptions() {}

  /** Names of every corruption, in CIFAR-10-C's family order. */
  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  /**
   * The corruption called {@code name}.
   *
   * @throws IllegalArgumentException naming the value and the known names
   */
  public static Corruption named(String name) {
    Corruption c = ALL.get(name);
    if (c == null) {
      throw new IllegalArgumentException(
          "unknown corruption '" + name + "' (known: " + names() + ")");
    }
    return c;
  }

  /**
   * Corrupts every image of {@code images} at {@code severity}.
   *
   * <p>Image i uses {@code Random} seeded from ({@code seed}, {@code name}, its source index), the
   * same at every severity and independent of the other images: subsets and re-runs give the same
   * pixels. Each channel of a colour image starts from that seed too, so blur, weather and warping
   * move every channel alike; noise families add a channel number to the seed, so their noise
   * differs per channel as CIFAR-10-C's does.
   *
   * @return {@code [N, C * H * W]} corrupted pixels in [0, 1]
   * @throws IllegalArgumentException for an unknown name or a severity outside 1..5
   */
  public static float[][] apply(ImageSet images, String name, int severity, long seed) {
    return apply(images, name, severity, seed, done -> {});
  }

  /**
   * {@link #apply(ImageSet, String, int, long)}, calling {@code progress} with the number of images
   * done after every {@link #PROGRESS_EVERY} images (for heartbeats: a severity of the full test
   * split takes a while).
   */
  public static float[][] apply(
      ImageSet images, String name, int severity, long seed, IntConsumer progress) {
    Corruption corruption = named(name);
    if (severity < 1 || severity > 5) {
      throw new IllegalArgumentException("severity " + severity + " is outside 1..5");
    }
    float[][] out = new float[images.size()][];
    for (int i = 0; i < images.size(); i++) {
      long imageSeed = seed * 1_000_003L + name.hashCode() * 31L + images.indices()[i];
      out[i] = corruptChannels(images, i, NOISE.contains(name), corruption, severity, imageSeed);
      if ((i + 1) % PROGRESS_EVERY == 0) {
        progress.accept(i + 1);
      }
    }
    return out;
  }

  /**
   * Image {@code i} corrupted channel by channel; noise draws each channel's noise from its own
   * stream, the other families use the same random choices for every channel.
   */
  private static float[] corruptChannels(
      ImageSet images, int i, boolean noise, Corruption corruption, int severity, long imageSeed) {
    int h = images.height();
    int w = images.width();
    float[] image = images.image(i);
    if (images.channels() == 1) {
      return corruption.apply(image, h, w, severity, new Random(imageSeed));
    }
    int plane = h * w;
    float[] out = new float[image.length];
    for (int c = 0; c < images.channels(); c++) {
      float[] channel = Arrays.copyOfRange(image, c * plane, (c + 1) * plane);
      Random random = new Random(noise ? imageSeed + 7919L * (c + 1) : imageSeed);
      System.arraycopy(corruption.apply(channel, h, w, severity, random), 0, out, c * plane, plane);
    }
    return out;
  }
}
