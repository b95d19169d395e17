package dev.repflow.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The unsigned-byte IDX format of MNIST-style datasets: a magic number, dimension sizes, then the
 * data. Files ending in {@code .gz} are decompressed while reading.
 *
 * @param dims dimension sizes, e.g. {@code [N, 28, 28]} for images, {@code [N]} for labels
 * @param data the values, row-major, as stored (unsigned bytes)
 */
record IdxFile(int[] dims, byte[] data) {
  /** Magic number of unsigned-byte image files (3 dimensions). */
  static final int IMAGES_MAGIC = 2051;

  /** Magic number of unsigned-byte label files (1 dimension). */
  static final int LABELS_MAGIC = 2049;

  /**
   * Reads and validates a whole IDX file.
   *
   * @param expectedMagic {@link #IMAGES_MAGIC} or {@link #LABELS_MAGIC}; its low byte is the number
   *     of dimensions
   * @throws IllegalArgumentException naming the file when it is truncated, corrupt or of the wrong
   *     kind
   */
  static IdxFile read(Path file, int expectedMagic) {
    try (DataInputStream in = new DataInputStream(open(file))) {
      int magic = in.readInt();
      if (magic != expectedMagic) {
        throw invalid(file, "magic number " + magic + ", expected " + expectedMagic);
      }
      int[] dims = new int[expectedMagic & 0xff];
      long size = 1;
      for (int d = 0; d < dims.length; d++) {
        dims[d] = in.readInt();
        if (dims[d] < 0) {
          throw invalid(file, "negative dimension " + dims[d]);
        }
        size *= dims[d];
      }
      if (size > Integer.MAX_VALUE - 16) {
        throw invalid(file, "header promises " + size + " bytes, more than one array can hold");
      }
      // Reading into an array of the size the header promises avoids the repeated growing and
      // copying of readAllBytes, which doubled the load time of the 47 MB training images.
      byte[] data = new byte[(int) size];
      int read = in.readNBytes(data, 0, data.length);
      if (read < data.length) {
        throw invalid(file, "truncated: header promises " + size + " data bytes, found " + read);
      }
      if (in.read() != -1) {
        throw invalid(file, "more data than the header's " + size + " bytes");
      }
      return new IdxFile(dims, data);
    } catch (EOFException | ZipException e) {
      throw invalid(file, "truncated or corrupt (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(Path file) throws IOException {
    // A large buffer matters: GZIPInputStream reads small chunks from its source.
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    return file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
  }

  private static IllegalArgumentException invalid(Path file, String what) {
    return new IllegalArgumentException("invalid IDX file " + file + ": " + what);
  }
}
