package dev.repflow.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary versions of CIFAR-10 and CIFAR-100 as downloaded from the authors' site: records of
 * label byte(s) then 3072 pixel bytes (1024 red, 1024 green, 1024 blue, each 32 x 32 row-major).
 * CIFAR-10: {@code data_batch_1..5.bin} and {@code test_batch.bin}, one label byte; CIFAR-100:
 * {@code train.bin} and {@code test.bin}, a coarse then a fine label byte (the fine one, 100
 * classes, is used). {@code dir} may be the extracted folder or the one holding it.
 */
final class CifarBinary implements SampleReader {
  private static final int SIDE = 32;
  private static final int PIXELS = 3 * SIDE * SIDE;

  private final List<Path> files;
  private final List<byte[]> contents;
  private final int labelBytes;
  private final int[] starts; // first sample of each file, then the total

  private CifarBinary(List<Path> files, List<byte[]> contents, int labelBytes) {
    this.files = files;
    this.contents = contents;
    this.labelBytes = labelBytes;
    this.starts = new int[contents.size() + 1];
    for (int f = 0; f < contents.size(); f++) {
      starts[f + 1] = starts[f] + contents.get(f).length / (labelBytes + PIXELS);
    }
  }

  /**
   * Reads a split's files.
   *
   * @throws IllegalArgumentException naming the file when one is missing, its size is not a whole
   *     number of records, or a label is out of range
   */
  static CifarBinary open(DatasetSpec spec, Split split) {
    boolean ten = spec.format().equals(DatasetSpec.CIFAR10);
    Path dir = folder(Path.of(spec.dir()), ten ? "cifar-10-batches-bin" : "cifar-100-binary");
    List<String> names = new ArrayList<>();
    if (ten && split == Split.TRAIN) {
      for (int b = 1; b <= 5; b++) {
        names.add("data_batch_" + b + ".bin");
      }
    } else {
      names.add(ten ? "test_batch.bin" : split.id() + ".bin");
    }
    int labelBytes = ten ? 1 : 2;
    List<Path> files = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    for (String name : names) {
      Path file = dir.resolve(name);
      byte[] bytes = read(file, spec.format());
      int record = labelBytes + PIXELS;
      if (bytes.length == 0 || bytes.length % record != 0) {
        throw new IllegalArgumentException(
            String.format(
                "%s has %d bytes, not a whole number of %d-byte records (%d label byte%s + 3072"
                    + " pixels): is it the binary version of %s?",
                file, bytes.length, record, labelBytes, labelBytes == 1 ? "" : "s", spec.format()));
      }
      for (int r = 0; r < bytes.length / record; r++) {
        int label = bytes[r * record + labelBytes - 1] & 0xff;
        Labels.require(label, spec.classCount(), file + " record " + r + " label");
      }
      files.add(file);
      contents.add(bytes);
    }
    return new CifarBinary(files, contents, labelBytes);
  }

  @Override
  public int size() {
    return starts[starts.length - 1];
  }

  @Override
  public int label(int i) {
    byte[] file = contents.get(fileOf(i));
    return file[recordOffset(i) + labelBytes - 1] & 0xff;
  }

  @Override
  public RawImage read(int i) {
    byte[] file = contents.get(fileOf(i));
    int from = recordOffset(i) + labelBytes;
    int plane = SIDE * SIDE;
    byte[] hwc = new byte[PIXELS];
    for (int p = 0; p < plane; p++) {
      for (int c = 0; c < 3; c++) {
        hwc[p * 3 + c] = file[from + c * plane + p];
      }
    }
    return new RawImage(hwc, SIDE, SIDE, 3);
  }

  @Override
  public String source(int i) {
    return files.get(fileOf(i)) + " record " + (i - starts[fileOf(i)]);
  }

  private int fileOf(int i) {
    int f = 0;
    while (starts[f + 1] <= i) {
      f++;
    }
    return f;
  }

  private int recordOffset(int i) {
    return (i - starts[fileOf(i)]) * (labelBytes + PIXELS);
  }

  private static Path folder(Path dir, String extracted) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("dataset.dir " + dir + " does not exist");
    }
    Path inner = dir.resolve(extracted);
    return Files.isDirectory(inner) ? inner : dir;
  }

  private static byte[] read(Path file, String format) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          format + " file " + file + " not found (expected the binary version's files)");
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
