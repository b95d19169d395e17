package dev.repflow.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads FashionMNIST from its IDX files (Debian package {@code dataset-fashion-mnist}), e.g. {@code
 * train-images-idx3-ubyte.gz}; the uncompressed file is used when the {@code .gz} one is absent.
 */
public final class FashionMnist {
  private static final Logger log = LoggerFactory.getLogger(FashionMnist.class);
  private static final String HOW_TO_GET =
      "install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist)"
          + " or set dataset.dir";

  private FashionMnist() {}

  /**
   * Loads the images of {@code classes}, keeping the first {@code spec.perClassLimit(split)} of
   * each class (all when null) in file order, so the same spec always gives the same images.
   *
   * @throws IllegalArgumentException when a file is missing, truncated or inconsistent, or a class
   *     id is out of range
   */
  public static ImageSet load(DatasetSpec spec, Split split, List<Integer> classes) {
    List<Integer> wanted = ClassSubset.validate("classes", classes, spec.numClasses());
    long start = System.nanoTime();
    Path dir = Path.of(spec.dir());
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "FashionMNIST directory " + dir + " does not exist; " + HOW_TO_GET);
    }
    String prefix = split == Split.TRAIN ? "train" : "t10k";
    IdxFile images = IdxFile.read(locate(dir, prefix + "-images-idx3-ubyte"), IdxFile.IMAGES_MAGIC);
    Path labelFile = locate(dir, prefix + "-labels-idx1-ubyte");
    IdxFile labels = IdxFile.read(labelFile, IdxFile.LABELS_MAGIC);
    if (images.dims()[0] != labels.dims()[0]) {
      throw new IllegalArgumentException(
          "FashionMNIST "
              + split.id()
              + " split in "
              + dir
              + " has "
              + images.dims()[0]
              + " images but "
              + labels.dims()[0]
              + " labels");
    }
    int[] keep = select(labels, labelFile, wanted, spec.perClassLimit(split));
    ImageSet set = gather(images, labels, keep);
    log.debug(
        "loaded {} {} images of classes {} in {} ms",
        set.size(),
        split.id(),
        wanted,
        (System.nanoTime() - start) / 1_000_000);
    return set;
  }

  private static Path locate(Path dir, String baseName) {
    Path gz = dir.resolve(baseName + ".gz");
    if (Files.isRegularFile(gz)) {
      return gz;
    }
    Path plain = dir.resolve(baseName);
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    throw new IllegalArgumentException(
        "FashionMNIST file " + gz + " not found (nor " + plain + "); " + HOW_TO_GET);
  }

  /** Sample indices to keep, in file order. */
  private static int[] select(IdxFile labels, Path file, List<Integer> classes, Integer limit) {
    int[] remaining = new int[256];
    for (int c : classes) {
      remaining[c] = limit == null ? Integer.MAX_VALUE : limit;
    }
    byte[] ids = labels.data();
    int[] keep = new int[ids.length];
    int kept = 0;
    for (int i = 0; i < ids.length; i++) {
      int label = ids[i] & 0xff;
      if (remaining[label] > 0) {
        remaining[label]--;
        keep[kept++] = i;
      }
    }
    if (kept == 0) {
      throw new IllegalArgumentException(file + " has no samples of classes " + classes);
    }
    return Arrays.copyOf(keep, kept);
  }

  private static ImageSet gather(IdxFile images, IdxFile labels, int[] keep) {
    int height = images.dims()[1];
    int width = images.dims()[2];
    int size = height * width;
    float[] pixels = new float[keep.length * size];
    int[] classIds = new int[keep.length];
    byte[] raw = images.data();
    float[] scale = new float[256];
    for (int v = 0; v < 256; v++) {
      scale[v] = v / 255f;
    }
    for (int k = 0; k < keep.length; k++) {
      int from = keep[k] * size;
      int to = k * size;
      for (int p = 0; p < size; p++) {
        pixels[to + p] = scale[raw[from + p] & 0xff];
      }
      classIds[k] = labels.data()[keep[k]] & 0xff;
    }
    return new ImageSet(pixels, height, width, classIds, keep);
  }
}
