package dev.repflow.data;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A split stored as NumPy arrays: {@code <split>_images.npy} of uint8 {@code [N, H, W]} or {@code
 * [N, H, W, C]} (C = 1, 3 or 4) and {@code <split>_labels.npy} of {@code N} integer class ids.
 */
final class NpySamples implements SampleReader {
  private final Path file;
  private final NpyArray images;
  private final int[] labels;
  private final int height;
  private final int width;
  private final int channels;

  private NpySamples(Path file, NpyArray images, int[] labels) {
    this.file = file;
    this.images = images;
    this.labels = labels;
    int[] s = images.shape();
    this.height = s[1];
    this.width = s[2];
    this.channels = s.length == 4 ? s[3] : 1;
  }

  /**
   * @throws IllegalArgumentException naming the file when one is missing or malformed, the shapes
   *     do not fit together, or a label is out of range
   */
  static NpySamples open(DatasetSpec spec, Split split) {
    Path dir = Path.of(spec.dir());
    Path imageFile = dir.resolve(split.id() + "_images.npy");
    Path labelFile = dir.resolve(split.id() + "_labels.npy");
    NpyArray images = NpyArray.read(imageFile);
    int[] s = images.shape();
    if (!images.dtype().endsWith("u1")
        || (s.length != 3 && s.length != 4)
        || (s.length == 4 && s[3] != 1 && s[3] != 3 && s[3] != 4)) {
      throw new IllegalArgumentException(
          imageFile
              + " must hold uint8 images [N, H, W] or [N, H, W, C] with C = 1, 3 or 4, got "
              + images.dtype()
              + " "
              + Arrays.toString(s));
    }
    int[] labels = labels(labelFile, s[0], spec);
    return new NpySamples(imageFile, images, labels);
  }

  /** Largest label + 1 of the train split: what {@code repflow run} takes as the class count. */
  static int classCount(DatasetSpec spec) {
    Path labelFile = Path.of(spec.dir()).resolve(Split.TRAIN.id() + "_labels.npy");
    NpyArray labels = NpyArray.read(labelFile);
    long max = -1;
    for (long i = 0; i < labels.shape()[0]; i++) {
      max = Math.max(max, labels.integer(i));
    }
    return (int) max + 1;
  }

  private static int[] labels(Path file, int n, DatasetSpec spec) {
    NpyArray labels = NpyArray.read(file);
    if (labels.shape().length != 1 || labels.shape()[0] != n) {
      throw new IllegalArgumentException(
          file + " has shape " + Arrays.toString(labels.shape()) + ", expected [" + n + "]");
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      long label = labels.integer(i);
      Labels.require(label, spec.classCount(), file + " entry " + i);
      out[i] = (int) label;
    }
    return out;
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public int label(int i) {
    return labels[i];
  }

  @Override
  public RawImage read(int i) {
    int n = height * width * channels;
    byte[] values = new byte[n];
    images.data().get(i * n, values, 0, n);
    return new RawImage(values, height, width, channels);
  }

  @Override
  public String source(int i) {
    return file + " image " + i;
  }
}
