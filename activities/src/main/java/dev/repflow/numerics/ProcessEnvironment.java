package dev.repflow.numerics;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The native process environment, which {@link System#getenv} only shows as it was at JVM start.
 * Native libraries read it with {@code getenv(3)}, so this is where their settings must go.
 */
final class ProcessEnvironment {
  private interface LibC extends Library {
    int setenv(String name, String value, int overwrite);

    String getenv(String name);
  }

  private static final LibC LIBC = Native.load("c", LibC.class);

  private ProcessEnvironment() {}

  static String get(String name) {
    return LIBC.getenv(name);
  }

  static void set(String name, String value) {
    if (LIBC.setenv(name, value, 1) != 0) {
      throw new IllegalStateException(
          "setenv(" + name + ") failed: errno " + Native.getLastError());
    }
  }

  /**
   * Whether a shared library whose file name contains {@code name} is mapped into this process.
   * Reads {@code /proc/self/maps}; where that does not exist (not Linux) answers false.
   */
  static boolean isLoaded(String name) {
    Path maps = Path.of("/proc/self/maps");
    if (!Files.isReadable(maps)) {
      return false;
    }
    try (Stream<String> lines = Files.lines(maps)) {
      return lines.anyMatch(line -> line.contains(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + maps, e);
    }
  }
}
