package dev.repflow.data;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One severity of a corrupted test set laid out like the published CIFAR-10-C: {@code
 * <corruption>.npy} of uint8 images {@code [5 N, H, W]} or {@code [5 N, H, W, C]} (severities 1..5
 * in blocks of N, rows in test-split order) and {@code labels.npy} with {@code 5 N} (or N) integer
 * labels.
 */
final class CifarCLayout implements SampleReader {
  private final Path file;
  private final NpyArray images;
  private final NpyArray labels;
  private final int n;
  private final long first;

  private CifarCLayout(Path file, NpyArray images, NpyArray labels, int severity) {
    this.file = file;
    this.images = images;
    this.labels = labels;
    this.n = images.shape()[0] / 5;
    this.first = (long) (severity - 1) * n;
  }

  /**
   * @throws IllegalArgumentException naming the file for a missing or malformed .npy file, a
   *     severity outside 1..5, or images and labels that do not fit together
   */
  static CifarCLayout open(Path dir, String corruption, int severity, int numClasses) {
    if (severity < 1 || severity > 5) {
      throw new IllegalArgumentException("severity " + severity + " is outside 1..5");
    }
    Path file = dir.resolve(corruption + ".npy");
    NpyArray images = NpyArray.read(file);
    int[] s = images.shape();
    if (!images.dtype().endsWith("u1") || (s.length != 3 && s.length != 4) || s[0] % 5 != 0) {
      throw new IllegalArgumentException(
          file
              + " must hold uint8 images [5N, H, W] or [5N, H, W, C], got "
              + images.dtype()
              + " "
              + Arrays.toString(s));
    }
    Path labelFile = dir.resolve("labels.npy");
    NpyArray labels = NpyArray.read(labelFile);
    int n = s[0] / 5;
    if (labels.shape().length != 1 || (labels.shape()[0] != s[0] && labels.shape()[0] != n)) {
      throw new IllegalArgumentException(
          labelFile
              + " has shape "
              + Arrays.toString(labels.shape())
              + ", expected ["
              + s[0]
              + "] or ["
              + n
              + "] for "
              + file);
    }
    CifarCLayout layout = new CifarCLayout(file, images, labels, severity);
    for (int i = 0; i < n; i++) {
      Labels.require(layout.label(i), numClasses, labelFile + " entry " + i);
    }
    return layout;
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public int label(int i) {
    return (int) labels.integer(labels.shape()[0] == n ? i : first + i);
  }

  @Override
  public RawImage read(int i) {
    int[] s = images.shape();
    int channels = s.length == 4 ? s[3] : 1;
    int values = s[1] * s[2] * channels;
    byte[] out = new byte[values];
    images.data().get(Math.toIntExact((first + i) * values), out, 0, values);
    return new RawImage(out, s[1], s[2], channels);
  }

  @Override
  public String source(int i) {
    return file + " image " + (first + i);
  }
}
