package dev.repflow.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The one way every pipeline reads images: pick the format's reader, select classes and per-class
 * limits, preprocess. Selection keeps the first {@code perClassLimit} samples of each class in
 * source order, so the same spec always gives the same images.
 */
public final class Datasets {
  private Datasets() {}

  /**
   * The selected samples of a split, not decoded yet.
   *
   * @throws IllegalArgumentException when files are missing or malformed, a label or class id is
   *     out of range, or no sample belongs to {@code classes}
   */
  public static ImageSource open(DatasetSpec spec, Split split, List<Integer> classes) {
    List<Integer> wanted = ClassSubset.validate("classes", classes, spec.classCount());
    SampleReader reader = reader(spec, split);
    int[] rows = select(reader, wanted, spec.perClassLimit(split));
    if (rows.length == 0) {
      throw new IllegalArgumentException(
          spec.dir() + " has no " + split.id() + " samples of classes " + wanted);
    }
    return new ImageSource(spec.name() + " " + split.id(), reader, rows, spec);
  }

  /**
   * Every selected image of a split, decoded and held in memory (training sets, small splits).
   *
   * @throws IllegalArgumentException as {@link #open}, for an unreadable image (unless skipped), or
   *     when the images would not fit in memory
   */
  public static ImageSet load(DatasetSpec spec, Split split, List<Integer> classes) {
    return open(spec, split, classes).loadAll(split.id() + " split", ReadProgress.none());
  }

  /**
   * Test images {@code rows} (positions in the test split's source order) of one severity of a
   * corrupted set in the CIFAR-10-C layout, preprocessed as {@code spec} says.
   *
   * @throws IllegalArgumentException when the files are malformed or hold fewer images than the
   *     rows need
   */
  public static ImageSet corrupted(
      DatasetSpec spec, Path dir, String corruption, int severity, int[] rows) {
    CifarCLayout layout = CifarCLayout.open(dir, corruption, severity, spec.classCount());
    for (int row : rows) {
      if (row >= layout.size()) {
        throw new IllegalArgumentException(
            String.format(
                "%s/%s.npy holds %d images per severity, fewer than the test split (%d)",
                dir, corruption, layout.size(), row + 1));
      }
    }
    ImageSource source = new ImageSource(corruption + " severity " + severity, layout, rows, spec);
    int[] all = new int[rows.length];
    Arrays.setAll(all, i -> i);
    return source.load(all, ReadProgress.none());
  }

  /**
   * The number of classes in the files: class folders of an image folder, largest train label + 1
   * of npy arrays, the fixed count of the other formats. What {@code repflow run} fills in as
   * {@code dataset.numClasses}.
   */
  public static int countClasses(DatasetSpec spec) {
    return switch (spec.format()) {
      case DatasetSpec.IMAGEFOLDER -> ImageFolder.classNames(Path.of(spec.dir())).size();
      case DatasetSpec.NPY -> NpySamples.classCount(spec);
      default -> spec.classCount();
    };
  }

  private static SampleReader reader(DatasetSpec spec, Split split) {
    return switch (spec.format()) {
      case DatasetSpec.FASHION_MNIST -> FashionMnist.open(spec, split);
      case DatasetSpec.CIFAR10, DatasetSpec.CIFAR100 -> CifarBinary.open(spec, split);
      case DatasetSpec.IMAGEFOLDER -> ImageFolder.open(spec, split);
      case DatasetSpec.NPY -> NpySamples.open(spec, split);
      default -> throw new IllegalArgumentException("dataset.format: no reader for " + spec);
    };
  }

  /** Positions of the kept samples, in source order. */
  private static int[] select(SampleReader reader, List<Integer> classes, Integer limit) {
    int max = classes.get(classes.size() - 1) + 1;
    int[] remaining = new int[max];
    for (int c : classes) {
      remaining[c] = limit == null ? Integer.MAX_VALUE : limit;
    }
    int[] keep = new int[reader.size()];
    int kept = 0;
    for (int i = 0; i < reader.size(); i++) {
      int label = reader.label(i);
      if (label < max && remaining[label] > 0) {
        remaining[label]--;
        keep[kept++] = i;
      }
    }
    return Arrays.copyOf(keep, kept);
  }
}
