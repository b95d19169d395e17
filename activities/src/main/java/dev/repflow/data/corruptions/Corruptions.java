package dev.repflow.data.corruptions;

import dev.repflow.data.ImageSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The corruption generator: CIFAR-10-C's families by their CIFAR-10-C names, applied
 * deterministically to each channel (written for grayscale; colour images are corrupted channel by
 * channel).
 */
public final class Corruptions {
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
    Corruption corruption = named(name);
    if (severity < 1 || severity > 5) {
      throw new IllegalArgumentException("severity " + severity + " is outside 1..5");
    }
    int h = images.height();
    int w = images.width();
    int plane = h * w;
    boolean noise = NOISE.contains(name);
    float[][] out = new float[images.size()][];
    for (int i = 0; i < images.size(); i++) {
      long imageSeed = seed * 1_000_003L + name.hashCode() * 31L + images.indices()[i];
      float[] image = images.image(i);
      if (images.channels() == 1) {
        out[i] = corruption.apply(image, h, w, severity, new Random(imageSeed));
        continue;
      }
      out[i] = new float[image.length];
      for (int c = 0; c < images.channels(); c++) {
        float[] channel = java.util.Arrays.copyOfRange(image, c * plane, (c + 1) * plane);
        Random random = new Random(noise ? imageSeed + 7919L * (c + 1) : imageSeed);
        float[] corrupted = corruption.apply(channel, h, w, severity, random);
        System.arraycopy(corrupted, 0, out[i], c * plane, plane);
      }
    }
    return out;
  }
}
