package dev.repflow.anchoring;

import dev.repflow.data.LocalPaths;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which corrupted test sets to evaluate on.
 *
 * @param types corruption names (default: all of {@link #KNOWN})
 * @param severities subset of 1..5 (default all five)
 * @param seed seeds every random draw of the generator: same seed, same corrupted images
 * @param dir optional folder in the CIFAR-10-C layout ({@code <type>.npy} with 5 x N images, {@code
 *     labels.npy}); when set, sets are read from there instead of generated
 */
public record CorruptionSpec(List<String> types, List<Integer> severities, Long seed, String dir)
    implements LocalPaths {
  /** Corruptions the generator implements (CIFAR-10-C names that make sense for grayscale). */
  public static final List<String> KNOWN =
      List.of(
          "gaussian_noise",
          "shot_noise",
          "impulse_noise",
          "speckle_noise",
          "defocus_blur",
          "gaussian_blur",
          "motion_blur",
          "zoom_blur",
          "glass_blur",
          "fog",
          "snow",
          "spatter",
          "contrast",
          "brightness",
          "pixelate",
          "jpeg_compression",
          "elastic_transform");

  public CorruptionSpec {
    types = types == null ? KNOWN : List.copyOf(types);
    if (types.isEmpty()) {
      throw new IllegalArgumentException("corruptions.types must name at least one corruption");
    }
    for (String t : types) {
      requireKnown(t);
    }
    if (types.stream().distinct().count() != types.size()) {
      throw new IllegalArgumentException("corruptions.types lists a name twice: " + types);
    }
    severities = severities == null ? List.of(1, 2, 3, 4, 5) : severities;
    for (Integer s : severities) {
      requireSeverity(s);
    }
    severities = List.copyOf(new TreeSet<>(severities));
    seed = seed == null ? 2024L : seed;
    dir = dir == null || dir.isBlank() ? null : dir;
  }

  @Override
  public Map<String, String> localPaths() {
    return dir == null ? Map.of() : Map.of("corruptions.dir", dir);
  }

  /** Throws naming {@code name} unless the generator knows it. */
  public static void requireKnown(String name) {
    if (!KNOWN.contains(name)) {
      throw new IllegalArgumentException(
          "corruptions.types: unknown corruption '" + name + "' (known: " + KNOWN + ")");
    }
  }

  /** Throws naming {@code severity} unless it is in 1..5. */
  public static void requireSeverity(Integer severity) {
    if (severity == null || severity < 1 || severity > 5) {
      throw new IllegalArgumentException(
          "corruptions.severities: severity " + severity + " is outside 1..5");
    }
  }
}
