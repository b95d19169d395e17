package dev.repflow.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The determinism guarantee, tested the way it can break: each case trains in a fresh JVM whose
 * environment imitates another CPU (the instruction sets oneDNN, MKL and ATen may use) or carries
 * settings a user may have exported. Under the portable profile every case must produce the same
 * checkpoint and embedding bits.
 */
@Tag("determinism")
class PortableNumericsTest {
  private static final Map<String, String> DEFAULT_PROFILE =
      Map.of("REPFLOW_NUMERICS", "portable", "REPFLOW_THREADS", "2");

  @Test
  void portableResultsAreTheSameWhateverTheCpuOffersAndInEveryJvm() {
    Map<String, Map<String, String>> cases = new LinkedHashMap<>();
    cases.put("this CPU", Map.of());
    cases.put("this CPU, another JVM", Map.of());
    cases.put(
        "a CPU with AVX2 and nothing newer",
        Map.of("ONEDNN_MAX_CPU_ISA", "AVX2", "MKL_ENABLE_INSTRUCTIONS", "AVX2"));
    cases.put(
        "AVX-512 kernels requested in the environment",
        Map.of(
            "ONEDNN_MAX_CPU_ISA", "AVX512_CORE",
            "ATEN_CPU_CAPABILITY", "avx512",
            "MKL_CBWR", "AVX512"));
    cases.put("OMP_NUM_THREADS=1 in the environment", Map.of("OMP_NUM_THREADS", "1"));

    String expected = null;
    for (var c : cases.entrySet()) {
      Map<String, String> env = new LinkedHashMap<>(DEFAULT_PROFILE);
      env.putAll(c.getValue());
      String fingerprint = fingerprint(env);
      assertTrue(fingerprint.startsWith("numerics=portable-t2 "), fingerprint);
      if (expected == null) {
        expected = fingerprint;
      }
      assertEquals(expected, fingerprint, "under " + c.getKey() + " " + c.getValue());
    }
  }

  /** Why the profile exists: left to themselves, the libraries pick per-CPU kernels. */
  @Test
  void nativeKernelsDifferBetweenInstructionSets() throws IOException {
    assumeTrue(
        Files.readString(Path.of("/proc/cpuinfo")).contains(" avx512f"),
        "needs a CPU with AVX-512 to compare against AVX2");
    String avx512 =
        fingerprint(Map.of("REPFLOW_NUMERICS", "native", "ONEDNN_MAX_CPU_ISA", "AVX512_CORE"));
    String avx2 = fingerprint(Map.of("REPFLOW_NUMERICS", "native", "ONEDNN_MAX_CPU_ISA", "AVX2"));
    assertNotEquals(avx512, avx2);
  }

  /** Runs {@link TrainingFingerprint} in a fresh JVM with {@code env} added to this one's. */
  private static String fingerprint(Map<String, String> env) {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true",
                "-cp",
                System.getProperty("java.class.path"),
                TrainingFingerprint.class.getName())
            .redirectErrorStream(true);
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("REPFLOW_") || k.startsWith("ONEDNN_"));
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(180, TimeUnit.SECONDS), "fingerprint run did not finish");
      assertEquals(0, process.exitValue(), out);
      return out.lines()
          .filter(l -> l.startsWith("numerics="))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no fingerprint in:\n" + out));
    } catch (IOException e) {
      throw new AssertionError("cannot start a JVM", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
