package dev.repflow.data.corruptions;

import dev.repflow.data.ImageSet;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads corrupted test sets laid out like the published CIFAR-10-C: {@code <corruption>.npy} of
 * uint8 images {@code [5 N, H, W]} or {@code [5 N, H, W, C]} (severities 1..5 in blocks of N) and
 * {@code labels.npy} with {@code 5 N} (or N) integer labels. Colour images are converted to gray
 * (ITU-R 601 luma), as repflow's backbones take one channel.
 */
public final class CifarCLayout {
  private CifarCLayout() {}

  /**
   * The images of one severity.
   *
   * @return N images in [0, 1] with their labels; indices are 0..N-1
   * @throws IllegalArgumentException naming the file for a missing or malformed .npy file, a
   *     severity outside 1..5, or images and labels that do not fit together
   */
  public static ImageSet read(Path dir, String corruption, int severity) {
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
    int h = s[1];
    int w = s[2];
    int channels = s.length == 4 ? s[3] : 1;
    float[] pixels = new float[n * h * w];
    int[] ids = new int[n];
    int[] indices = new int[n];
    long first = (long) (severity - 1) * n;
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < h * w; p++) {
        long at = ((first + i) * h * w + p) * channels;
        double gray =
            channels == 1
                ? images.integer(at)
                : 0.299 * images.integer(at)
                    + 0.587 * images.integer(at + 1)
                    + 0.114 * images.integer(at + 2);
        pixels[i * h * w + p] = (float) (gray / 255);
      }
      ids[i] = (int) labels.integer(labels.shape()[0] == n ? i : first + i);
      indices[i] = i;
    }
    return new ImageSet(pixels, h, w, ids, indices);
  }
}
