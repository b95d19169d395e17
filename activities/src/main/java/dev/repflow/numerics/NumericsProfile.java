package dev.repflow.numerics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How the PyTorch engine computes on the CPU, chosen once per process.
 *
 * <p>libtorch's kernels sum in an order that depends on the instruction set they run with (oneDNN
 * blocks convolution channels by 8 with AVX2 and by 16 with AVX-512; MKL picks a GEMM kernel per
 * CPU and vendor) and on the number of threads (oneDNN splits the minibatch reduction of a
 * convolution's weight gradient across threads). So the same training run gives different weights
 * on another CPU, or with another thread count, unless both are fixed. {@link Mode#PORTABLE} fixes
 * them to code paths every x86-64 CPU with AVX2 runs the same way; {@link Mode#NATIVE} lets the
 * libraries pick the fastest kernels for this CPU and only fixes the thread count.
 *
 * @param threads intra-op threads of every tensor operation; part of the result, like a seed
 */
public record NumericsProfile(Mode mode, int threads) {
  /** Environment variable (or system property {@code repflow.numerics}) naming the mode. */
  public static final String MODE_VARIABLE = "REPFLOW_NUMERICS";

  /** Environment variable (or system property {@code repflow.threads}) giving the threads. */
  public static final String THREADS_VARIABLE = "REPFLOW_THREADS";

  /** Threads when none are configured: a constant, so results do not depend on the core count. */
  public static final int DEFAULT_THREADS = 2;

  public NumericsProfile {
    if (mode == null) {
      throw new IllegalArgumentException("numerics mode must be portable or native");
    }
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("numerics threads must be 1..1024, got " + threads);
    }
  }

  /** The default: portable kernels on {@value #DEFAULT_THREADS} threads. */
  public static NumericsProfile defaults() {
    return new NumericsProfile(Mode.PORTABLE, DEFAULT_THREADS);
  }

  /**
   * Reads {@value #MODE_VARIABLE} and {@value #THREADS_VARIABLE} through {@code lookup}; unset or
   * blank values take the defaults.
   *
   * @throws IllegalArgumentException naming the variable when a value is not understood
   */
  public static NumericsProfile from(UnaryOperator<String> lookup) {
    String mode = lookup.apply(MODE_VARIABLE);
    String threads = lookup.apply(THREADS_VARIABLE);
    Mode parsedMode = isBlank(mode) ? Mode.PORTABLE : Mode.parse(mode, MODE_VARIABLE);
    int parsedThreads = DEFAULT_THREADS;
    if (!isBlank(threads)) {
      try {
        parsedThreads = Integer.parseInt(threads.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            THREADS_VARIABLE + " must be a whole number of threads, got '" + threads + "'");
      }
    }
    return new NumericsProfile(parsedMode, parsedThreads);
  }

  /** The profile this process asks for: system properties first, then environment variables. */
  public static NumericsProfile fromEnvironment() {
    return from(
        name -> {
          String property = System.getProperty(propertyName(name));
          return isBlank(property) ? System.getenv(name) : property;
        });
  }

  /** System property equivalent of an environment variable, e.g. {@code repflow.threads}. */
  public static String propertyName(String variable) {
    return variable.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /**
   * Process environment the native libraries must see before they load, in the order set. oneDNN,
   * ATen and MKL read these once, at first use; OpenMP at load time.
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    if (mode == Mode.PORTABLE) {
      env.put("ONEDNN_MAX_CPU_ISA", "AVX2");
      env.put("ATEN_CPU_CAPABILITY", "avx2");
      // The only MKL branch documented to give the same bits on Intel and non-Intel CPUs
      // (MKL_CBWR=AVX2 falls back to the CPU-specific AUTO branch on AMD).
      env.put("MKL_CBWR", "COMPATIBLE");
    }
    env.put("OMP_NUM_THREADS", Integer.toString(threads));
    env.put("MKL_NUM_THREADS", Integer.toString(threads));
    env.put("OMP_DYNAMIC", "FALSE");
    env.put("MKL_DYNAMIC", "FALSE");
    return env;
  }

  /**
   * Short stable name, e.g. {@code portable-t2}: recorded in artifacts and part of every cache key,
   * so results computed under another profile are never mixed with these.
   */
  public String tag() {
    return mode.name().toLowerCase(Locale.ROOT) + "-t" + threads;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Which kernels the engine may use. */
  public enum Mode {
    /** AVX2 kernels in oneDNN and ATen, MKL's vendor-neutral branch: same bits on any AVX2 CPU. */
    PORTABLE,
    /**
     * Whatever the libraries pick for this CPU: faster, reproducible only on the same CPU model.
     */
    NATIVE;

    static Mode parse(String value, String source) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            source + " must be 'portable' or 'native', got '" + value + "'");
      }
    }
  }
}
