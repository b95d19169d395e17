package dev.repflow.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A C-ordered array read from a NumPy {@code .npy} file (format versions 1-3), as raw bytes.
 *
 * @param dtype NumPy type string, e.g. {@code |u1} or {@code <i8}
 * @param shape dimensions
 * @param data the values, {@code product(shape) * itemSize} bytes
 */
public record NpyArray(String dtype, int[] shape, ByteBuffer data) {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException naming the file when it is missing, not a .npy file, Fortran
   *     ordered, or shorter than its header says
   */
  public static NpyArray read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " does not exist");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (bytes.length < 10 || !Arrays.equals(MAGIC, Arrays.copyOf(bytes, MAGIC.length))) {
      throw new IllegalArgumentException(file + " is not a .npy file (wrong leading bytes)");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int major = bytes[6];
    int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort(8)) : buffer.getInt(8);
    int headerStart = major == 1 ? 10 : 12;
    if (headerLength < 0 || headerStart + headerLength > bytes.length) {
      throw new IllegalArgumentException(file + " is truncated inside its .npy header");
    }
    String header =
        new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1).trim();
    String dtype = find(DESCR, header, file);
    if (find(FORTRAN, header, file).equals("True")) {
      throw new IllegalArgumentException(file + " is Fortran-ordered; save it in C order");
    }
    int[] shape =
        Arrays.stream(find(SHAPE, header, file).split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .mapToInt(Integer::parseInt)
            .toArray();
    long count = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
    int itemSize = Integer.parseInt(dtype.substring(2));
    int dataStart = headerStart + headerLength;
    if (bytes.length - dataStart != count * itemSize) {
      throw new IllegalArgumentException(
          String.format(
              "%s holds %d data bytes, but its header declares %s of %s (%d bytes)",
              file, bytes.length - dataStart, Arrays.toString(shape), dtype, count * itemSize));
    }
    ByteBuffer data = buffer.position(dataStart).slice().order(order(dtype));
    return new NpyArray(dtype, shape, data);
  }

  /** Value {@code i} (flat index) as a long; integer dtypes only. */
  public long integer(long i) {
    int at = Math.toIntExact(i * itemSize());
    return switch (dtype.substring(1)) {
      case "u1" -> Byte.toUnsignedInt(data.get(at));
      case "i1" -> data.get(at);
      case "i2" -> data.getShort(at);
      case "i4" -> data.getInt(at);
      case "i8" -> data.getLong(at);
      default -> throw new IllegalArgumentException("dtype " + dtype + " is not an integer type");
    };
  }

  /** Bytes per value. */
  public int itemSize() {
    return Integer.parseInt(dtype.substring(2));
  }

  private static ByteOrder order(String dtype) {
    return dtype.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
  }

  private static String find(Pattern pattern, String header, Path file) {
    Matcher m = pattern.matcher(header);
    if (!m.find()) {
      throw new IllegalArgumentException(file + " has a malformed .npy header: " + header);
    }
    return m.group(1);
  }
}
