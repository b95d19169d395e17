package dev.repflow.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Images in class folders, torchvision's {@code ImageFolder} layout: {@code dir/<class>/...png|jpg}
 * (files found recursively, in sorted order). Class ids are the positions of the class folder names
 * in sorted order. With {@code dir/train/} and {@code dir/test/} the splits are those folders (same
 * class names in both); otherwise each class's files are split by a seeded shuffle, {@code
 * testFraction} of them (rounded up) going to the test split.
 */
final class ImageFolder implements SampleReader {
  private final List<Path> files;
  private final int[] labels;

  private ImageFolder(List<Path> files, int[] labels) {
    this.files = files;
    this.labels = labels;
  }

  /**
   * Lists one split's files; nothing is decoded yet.
   *
   * @throws IllegalArgumentException when the folder is missing, has no class folders, a class
   *     folder has no images, the train and test classes differ, or their number is not {@code
   *     dataset.numClasses}
   */
  static ImageFolder open(DatasetSpec spec, Split split) {
    Path root = Path.of(spec.dir());
    List<String> classes = classNames(root);
    if (classes.size() != spec.classCount()) {
      throw new IllegalArgumentException(
          "dataset.dir "
              + root
              + " has "
              + classes.size()
              + " class folders "
              + classes
              + ", but dataset.numClasses is "
              + spec.classCount());
    }
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    Path splitRoot = hasSplitFolders(root) ? root.resolve(split.id()) : root;
    for (int c = 0; c < classes.size(); c++) {
      List<Path> images = images(splitRoot.resolve(classes.get(c)));
      if (!hasSplitFolders(root)) {
        images = seededShare(images, spec.testFraction(), spec.splitSeed() + c, split);
      }
      for (Path image : images) {
        files.add(image);
        labels.add(c);
      }
    }
    return new ImageFolder(files, labels.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * The sorted class folder names (of {@code train/} when the folder is split).
   *
   * @throws IllegalArgumentException when the folder is missing or has no class folders, or {@code
   *     train/} and {@code test/} hold different classes
   */
  static List<String> classNames(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("dataset.dir " + root + " does not exist");
    }
    if (!hasSplitFolders(root)) {
      return subfolders(root);
    }
    List<String> train = subfolders(root.resolve(Split.TRAIN.id()));
    List<String> test = subfolders(root.resolve(Split.TEST.id()));
    if (!train.equals(test)) {
      throw new IllegalArgumentException(
          "dataset.dir " + root + ": train/ has classes " + train + " but test/ has " + test);
    }
    return train;
  }

  @Override
  public int size() {
    return files.size();
  }

  @Override
  public int label(int i) {
    return labels[i];
  }

  @Override
  public RawImage read(int i) {
    return ImageFiles.decode(files.get(i));
  }

  @Override
  public String source(int i) {
    return files.get(i).toString();
  }

  @Override
  public boolean decodesFiles() {
    return true;
  }

  /** Header-only size of sample {@code i}, {@code [H, W]}. */
  int[] size(int i) {
    return ImageFiles.size(files.get(i));
  }

  private static boolean hasSplitFolders(Path root) {
    return Files.isDirectory(root.resolve(Split.TRAIN.id()))
        && Files.isDirectory(root.resolve(Split.TEST.id()));
  }

  private static List<String> subfolders(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      List<String> names =
          entries
              .filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.startsWith("."))
              .sorted()
              .toList();
      if (names.isEmpty()) {
        throw new IllegalArgumentException(
            "dataset.dir " + dir + " has no class folders (expected " + dir + "/<class>/*.png)");
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static List<Path> images(Path classDir) {
    if (!Files.isDirectory(classDir)) {
      throw new IllegalArgumentException("class folder " + classDir + " does not exist");
    }
    try (Stream<Path> entries = Files.walk(classDir)) {
      List<Path> images =
          entries.filter(Files::isRegularFile).filter(ImageFiles::isImage).sorted().toList();
      if (images.isEmpty()) {
        throw new IllegalArgumentException(
            "class folder " + classDir + " has no images (" + ImageFiles.EXTENSIONS + ")");
      }
      return images;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + classDir, e);
    }
  }

  /** The split's share of one class, chosen by a shuffle seeded per class. */
  private static List<Path> seededShare(
      List<Path> images, double testFraction, long seed, Split split) {
    int test = (int) Math.ceil(images.size() * testFraction);
    if (test == 0 || test == images.size()) {
      throw new IllegalArgumentException(
          "a class folder of "
              + images.size()
              + " images cannot be split with dataset.testFraction "
              + testFraction);
    }
    int[] order = Permutations.of(images.size(), seed);
    boolean[] inTest = new boolean[images.size()];
    for (int k = 0; k < test; k++) {
      inTest[order[k]] = true;
    }
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      if (inTest[i] == (split == Split.TEST)) {
        out.add(images.get(i));
      }
    }
    return out;
  }
}
