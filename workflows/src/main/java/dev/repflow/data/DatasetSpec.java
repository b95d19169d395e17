package dev.repflow.data;

import java.util.Map;

/**
 * Which images to load.
 *
 * @param name dataset name; {@code fashion-mnist} is built in
 * @param dir directory with the IDX files; default {@value #FASHION_MNIST_DIR} (Debian package
 *     {@code dataset-fashion-mnist})
 * @param trainPerClass keep only the first N training images of each class (file order); null =
 *     all. For quick runs and tests.
 * @param testPerClass same for the test split
 */
public record DatasetSpec(String name, String dir, Integer trainPerClass, Integer testPerClass)
    implements LocalPaths {
  public static final String FASHION_MNIST = "fashion-mnist";
  public static final String FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

  public DatasetSpec {
    name = name == null ? FASHION_MNIST : name;
    if (!name.equals(FASHION_MNIST)) {
      throw new IllegalArgumentException(
          "dataset.name: unknown dataset '" + name + "' (known: " + FASHION_MNIST + ")");
    }
    dir = dir == null || dir.isBlank() ? FASHION_MNIST_DIR : dir;
    requirePositive("dataset.trainPerClass", trainPerClass);
    requirePositive("dataset.testPerClass", testPerClass);
  }

  /** Number of classes of the dataset. */
  public int numClasses() {
    return 10;
  }

  @Override
  public Map<String, String> localPaths() {
    return Map.of("dataset.dir", dir);
  }

  /** Per-class limit for a split, or null for all. */
  public Integer perClassLimit(Split split) {
    return split == Split.TRAIN ? trainPerClass : testPerClass;
  }

  private static void requirePositive(String key, Integer value) {
    if (value != null && value <= 0) {
      throw new IllegalArgumentException(key + " must be positive, got " + value);
    }
  }
}
