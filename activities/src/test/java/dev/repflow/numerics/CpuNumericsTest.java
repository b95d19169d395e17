package dev.repflow.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The test JVM's numerics are pinned before the first test (see {@code NumericsSession}). */
class CpuNumericsTest {
  @Test
  void theNativeLibrariesSeeTheActiveProfilesEnvironment() {
    try (NDManager manager = NDManager.newBaseManager()) {
      manager.ones(new ai.djl.ndarray.types.Shape(2)).sum(); // libtorch is loaded now
    }
    NumericsProfile active = CpuNumerics.active();
    active.environment().forEach((k, v) -> assertEquals(v, ProcessEnvironment.get(k), k));
    assertTrue(ProcessEnvironment.isLoaded("libtorch_cpu"));
  }

  @Test
  void pinningTheActiveProfileAgainIsHarmless() {
    NumericsProfile active = CpuNumerics.active();
    assertSame(active, CpuNumerics.pin(new NumericsProfile(active.mode(), active.threads())));
  }

  @Test
  void anotherProfileCannotReplaceTheActiveOne() {
    NumericsProfile active = CpuNumerics.active();
    NumericsProfile other = new NumericsProfile(active.mode(), active.threads() + 1);
    var e = assertThrows(IllegalStateException.class, () -> CpuNumerics.pin(other));
    assertTrue(e.getMessage().contains("cannot switch to " + other.tag()), e.getMessage());
  }
}
