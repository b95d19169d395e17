package dev.repflow.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * FashionMNIST's IDX files (Debian package {@code dataset-fashion-mnist}), e.g. {@code
 * train-images-idx3-ubyte.gz}; the uncompressed file is used when the {@code .gz} one is absent.
 */
final class FashionMnist implements SampleReader {
  private static final String HOW_TO_GET =
      "install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist)"
          + " or set dataset.dir";

  private final IdxFile images;
  private final IdxFile labels;
  private final Path imageFile;

  private FashionMnist(IdxFile images, IdxFile labels, Path imageFile) {
    this.images = images;
    this.labels = labels;
    this.imageFile = imageFile;
  }

  /**
   * Reads one split's images and labels.
   *
   * @throws IllegalArgumentException when a file is missing, truncated or inconsistent, or a label
   *     is out of range
   */
  static FashionMnist open(DatasetSpec spec, Split split) {
    Path dir = Path.of(spec.dir());
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "FashionMNIST directory " + dir + " does not exist; " + HOW_TO_GET);
    }
    String prefix = split == Split.TRAIN ? "train" : "t10k";
    Path imageFile = locate(dir, prefix + "-images-idx3-ubyte");
    IdxFile images = IdxFile.read(imageFile, IdxFile.IMAGES_MAGIC);
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
    byte[] ids = labels.data();
    for (int i = 0; i < ids.length; i++) {
      Labels.require(ids[i] & 0xff, spec.classCount(), labelFile + " label " + i);
    }
    return new FashionMnist(images, labels, imageFile);
  }

  @Override
  public int size() {
    return labels.dims()[0];
  }

  @Override
  public int label(int i) {
    return labels.data()[i] & 0xff;
  }

  @Override
  public RawImage read(int i) {
    int h = images.dims()[1];
    int w = images.dims()[2];
    byte[] values = new byte[h * w];
    System.arraycopy(images.data(), i * h * w, values, 0, values.length);
    return new RawImage(values, h, w, 1);
  }

  @Override
  public String source(int i) {
    return imageFile + " image " + i;
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
}
