package dev.repflow.data;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which images to load, from where, and how to preprocess them.
 *
 * <p>Formats ({@code format}): {@value #FASHION_MNIST} (IDX files), {@value #CIFAR10} and {@value
 * #CIFAR100} (the official binary versions: {@code data_batch_1..5.bin} + {@code test_batch.bin},
 * or {@code train.bin} + {@code test.bin}), {@value #IMAGEFOLDER} ({@code dir/<class>/*.png|jpg},
 * with {@code train/} and {@code test/} sub-folders or a seeded split) and {@value #NPY} ({@code
 * train_images.npy} uint8 {@code [N, H, W(, C)]} + {@code train_labels.npy} {@code [N]}, the same
 * for {@code test_}).
 *
 * @param name label in tables, attributes and search attributes; default the format
 * @param format one of the formats above; default {@value #FASHION_MNIST}
 * @param dir the files; default {@value #FASHION_MNIST_DIR} for FashionMNIST (Debian package {@code
 *     dataset-fashion-mnist}), required otherwise
 * @param numClasses class count: fixed by the built-in formats, counted from the folder by {@code
 *     repflow run} for {@code imagefolder} and {@code npy} (required when a run is started another
 *     way)
 * @param trainPerClass keep only the first N training images of each class (file order); null =
 *     all. For quick runs and tests.
 * @param testPerClass same for the test split
 * @param testFraction {@code imagefolder} without {@code train/} and {@code test/}: share of each
 *     class held out as the test split, default 0.2
 * @param splitSeed seeds that split, default 0
 * @param onError an image that cannot be decoded: {@value #FAIL} (default) stops the step naming
 *     the file, {@value #SKIP} leaves it out and counts it
 * @param preprocess resize, crop, channels, normalisation; unset fields take the format's defaults
 */
public record DatasetSpec(
    String name,
    String format,
    String dir,
    Integer numClasses,
    Integer trainPerClass,
    Integer testPerClass,
    Double testFraction,
    Long splitSeed,
    String onError,
    PreprocessSpec preprocess)
    implements LocalPaths {
  public static final String FASHION_MNIST = "fashion-mnist";
  public static final String CIFAR10 = "cifar10";
  public static final String CIFAR100 = "cifar100";
  public static final String IMAGEFOLDER = "imagefolder";
  public static final String NPY = "npy";
  public static final List<String> FORMATS =
      List.of(FASHION_MNIST, CIFAR10, CIFAR100, IMAGEFOLDER, NPY);
  public static final String FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

  /** FashionMNIST's images, {@code 1x28x28}. */
  public static final ImageShape FASHION_MNIST_SHAPE = new ImageShape(1, 28, 28);

  public static final String FAIL = "fail";
  public static final String SKIP = "skip";

  public DatasetSpec {
    format = resolveFormat(name, format);
    name = name == null || name.isBlank() ? format : name;
    if (dir == null || dir.isBlank()) {
      if (!format.equals(FASHION_MNIST)) {
        throw new IllegalArgumentException("dataset.dir is required for format " + format);
      }
      dir = FASHION_MNIST_DIR;
    }
    numClasses = resolveClasses(format, numClasses);
    requirePositive("dataset.trainPerClass", trainPerClass);
    requirePositive("dataset.testPerClass", testPerClass);
    if (testFraction != null && !(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException(
          "dataset.testFraction must be in (0, 1), got " + testFraction);
    }
    if (testFraction != null && !format.equals(IMAGEFOLDER)) {
      throw new IllegalArgumentException(
          "dataset.testFraction applies to format imagefolder only (" + format + " has splits)");
    }
    if (format.equals(IMAGEFOLDER) && testFraction == null) {
      testFraction = 0.2;
    }
    splitSeed = splitSeed == null ? 0L : splitSeed;
    onError = onError == null ? FAIL : onError.toLowerCase(Locale.ROOT);
    if (!onError.equals(FAIL) && !onError.equals(SKIP)) {
      throw new IllegalArgumentException(
          "dataset.onError must be fail or skip, got '" + onError + "'");
    }
    PreprocessSpec given =
        preprocess == null ? new PreprocessSpec(null, null, null, null, null) : preprocess;
    preprocess = given.over(PreprocessSpec.defaultsFor(format, nativeChannels(format)));
  }

  /** FashionMNIST from {@code dir} (null = Debian's folder), as every pipeline read it before. */
  public static DatasetSpec fashionMnist(String dir, Integer trainPerClass, Integer testPerClass) {
    return new DatasetSpec(
        null, FASHION_MNIST, dir, null, trainPerClass, testPerClass, null, null, null, null);
  }

  /** All defaults: the whole of FashionMNIST. */
  public static DatasetSpec defaults() {
    return fashionMnist(null, null, null);
  }

  /**
   * Number of classes; labels are 0..n-1.
   *
   * @throws IllegalArgumentException when the format cannot know it and it was not given
   */
  public int classCount() {
    if (numClasses == null) {
      throw new IllegalArgumentException(
          "dataset.numClasses is required for format "
              + format
              + " (repflow run counts the classes in dataset.dir; runs started another way must"
              + " give it)");
    }
    return numClasses;
  }

  /** Copy with {@code numClasses} set, e.g. counted from an image folder. */
  public DatasetSpec withNumClasses(int n) {
    return new DatasetSpec(
        name,
        format,
        dir,
        n,
        trainPerClass,
        testPerClass,
        testFraction,
        splitSeed,
        onError,
        preprocess);
  }

  /** Copy with other per-class limits. */
  public DatasetSpec withPerClass(Integer train, Integer test) {
    return new DatasetSpec(
        name, format, dir, numClasses, train, test, testFraction, splitSeed, onError, preprocess);
  }

  @Override
  public Map<String, String> localPaths() {
    return Map.of("dataset.dir", dir);
  }

  /** Per-class limit for a split, or null for all. */
  public Integer perClassLimit(Split split) {
    return split == Split.TRAIN ? trainPerClass : testPerClass;
  }

  private static String resolveFormat(String name, String format) {
    if (format == null) {
      // Configs written before formats existed name the dataset only.
      if (name == null || name.isBlank() || FORMATS.contains(name)) {
        return name == null || name.isBlank() ? FASHION_MNIST : name;
      }
      throw new IllegalArgumentException(
          "dataset.format is required for dataset '" + name + "' (known: " + FORMATS + ")");
    }
    String f = format.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(f)) {
      throw new IllegalArgumentException(
          "dataset.format: unknown format '" + format + "' (known: " + FORMATS + ")");
    }
    return f;
  }

  private static Integer resolveClasses(String format, Integer given) {
    Integer fixed =
        switch (format) {
          case FASHION_MNIST, CIFAR10 -> 10;
          case CIFAR100 -> 100;
          default -> null;
        };
    if (fixed != null && given != null && !given.equals(fixed)) {
      throw new IllegalArgumentException(
          "dataset.numClasses: " + format + " has " + fixed + " classes, got " + given);
    }
    if (given != null && given < 2) {
      throw new IllegalArgumentException("dataset.numClasses must be at least 2, got " + given);
    }
    return fixed != null ? fixed : given;
  }

  /** Channels the format's files hold, or null when only the data can tell. */
  private static Integer nativeChannels(String format) {
    return switch (format) {
      case FASHION_MNIST -> 1;
      case CIFAR10, CIFAR100 -> 3;
      default -> null;
    };
  }

  private static void requirePositive(String key, Integer value) {
    if (value != null && value <= 0) {
      throw new IllegalArgumentException(key + " must be positive, got " + value);
    }
  }
}
