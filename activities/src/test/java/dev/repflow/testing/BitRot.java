package dev.repflow.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** Damages stored files the way failing disks do, for tests of integrity checks. */
public final class BitRot {
  private BitRot() {}

  /** Flips one bit in the middle of {@code file}; its size (and any metadata) stays the same. */
  public static void flipByte(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long middle = raf.length() / 2;
      raf.seek(middle);
      int b = raf.read();
      raf.seek(middle);
      raf.write(b ^ 0x01);
    }
  }
}
