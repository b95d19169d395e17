package dev.repflow.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import dev.repflow.numerics.CpuNumerics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Why {@link PortableMath} exists, measured on whatever CPU runs the suite: libtorch computes
 * {@code sqrt}, {@code exp} and {@code log} of float tensors with MKL's vector math, which ships
 * one kernel per instruction set and picks one from the CPU model ({@code MKL_CBWR} does not reach
 * it). Calling the kernels libtorch exports side by side on the same inputs shows that they give
 * different bits, so two CPUs that pick different ones compute different results. If a libtorch
 * upgrade drops these symbols, this test fails: check then whether the new build still dispatches
 * vector math per CPU before deleting it.
 */
@Tag("determinism")
class MklVectorMathTest {
  private static final int N = 1 << 20;
  private static NativeLibrary libtorch;

  /**
   * MKL's high-accuracy kernels this CPU can execute: generic x86-64 (what MKL runs on AMD CPUs),
   * SSE2, AVX2, AVX-512.
   */
  private static List<String> kernels;

  @BeforeAll
  static void loadLibtorch() throws IOException {
    CpuNumerics.active();
    NDManager.newBaseManager().close(); // maps libtorch_cpu.so
    try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
      String path =
          maps.filter(line -> line.endsWith("/libtorch_cpu.so"))
              .map(line -> line.substring(line.indexOf('/')))
              .findFirst()
              .orElseThrow();
      libtorch = NativeLibrary.getInstance(path);
    }
    Set<String> flags = cpuFlags();
    kernels = new ArrayList<>(List.of("EXHAynn", "E2HAynn"));
    if (flags.containsAll(List.of("avx2", "fma"))) {
      kernels.add("L9HAynn");
    }
    if (flags.containsAll(List.of("avx512f", "avx512dq", "avx512bw", "avx512vl"))) {
      kernels.add("Z0HAynn");
    }
  }

  private static Set<String> cpuFlags() throws IOException {
    try (Stream<String> cpuinfo = Files.lines(Path.of("/proc/cpuinfo"))) {
      return cpuinfo
          .filter(line -> line.startsWith("flags"))
          .findFirst()
          .map(line -> Set.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+")))
          .orElseThrow();
    }
  }

  @Test
  void sqrtExpAndLogKernelsDisagreeBetweenInstructionSets() {
    assertKernelsDisagree("Sqrt", logUniform(-12, 0));
    assertKernelsDisagree("Exp", uniform(-20, 20));
    assertKernelsDisagree("Ln", uniform(0, 20));
  }

  /** torch's sqrt is one of those kernels on this CPU: the bits are the CPU's, not the code's. */
  @Test
  void torchSqrtIsOneOfThem() {
    float[] x = logUniform(-12, 0);
    float[] torch;
    try (NDManager manager = NDManager.newBaseManager()) {
      torch = manager.create(x).sqrt().toFloatArray();
    }
    boolean matchesOne = false;
    for (String kernel : kernels) {
      matchesOne |= Arrays.equals(torch, kernel("Sqrt", kernel, x));
    }
    assertTrue(matchesOne, "torch.sqrt matched none of MKL's kernels");
  }

  private static void assertKernelsDisagree(String function, float[] x) {
    assumeTrue(
        kernels.contains("L9HAynn"), "the portable profile needs AVX2, which this CPU lacks");
    float[] generic = kernel(function, kernels.get(0), x);
    StringBuilder report = new StringBuilder(function + " differs from the generic kernel at");
    boolean anyDiffers = false;
    for (String kernel : kernels.subList(1, kernels.size())) {
      float[] other = kernel(function, kernel, x);
      int differing = 0;
      for (int i = 0; i < N; i++) {
        differing += Float.floatToIntBits(other[i]) != Float.floatToIntBits(generic[i]) ? 1 : 0;
      }
      anyDiffers |= differing > 0;
      report.append(String.format(" %s: %d of %d", kernel, differing, N));
    }
    System.out.println(report);
    assertTrue(anyDiffers, report.toString());
    assertArrayEquals(
        generic, kernel(function, kernels.get(0), x), "a kernel is not even repeatable");
  }

  /** Runs {@code mkl_vml_kernel_s<function>_<kernel>(n, in, out)} on {@code x}. */
  private static float[] kernel(String function, String kernel, float[] x) {
    Memory in = new Memory(4L * x.length);
    in.write(0, x, 0, x.length);
    Memory out = new Memory(4L * x.length);
    libtorch
        .getFunction("mkl_vml_kernel_s" + function + "_" + kernel)
        .invoke(Void.class, new Object[] {x.length, in, out});
    return out.getFloatArray(0, x.length);
  }

  /** Powers of ten with exponents uniform in [{@code low}, {@code high}). */
  private static float[] logUniform(double low, double high) {
    float[] exponents = uniform(low, high);
    for (int i = 0; i < N; i++) {
      exponents[i] = (float) Math.pow(10, exponents[i]);
    }
    return exponents;
  }

  private static float[] uniform(double low, double high) {
    SplittableRandom random = new SplittableRandom(11);
    float[] x = new float[N];
    for (int i = 0; i < N; i++) {
      x[i] = (float) (low + (high - low) * random.nextDouble());
    }
    return x;
  }
}
