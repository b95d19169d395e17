package dev.repflow.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NumericsProfileTest {
  @Test
  void unsetOrBlankSettingsGiveThePortableDefault() {
    assertEquals(NumericsProfile.defaults(), NumericsProfile.from(name -> null));
    assertEquals(NumericsProfile.defaults(), NumericsProfile.from(name -> " "));
    assertEquals("portable-t2", NumericsProfile.defaults().tag());
  }

  @Test
  void settingsAreReadCaseInsensitively() {
    Map<String, String> env = Map.of("REPFLOW_NUMERICS", "Native", "REPFLOW_THREADS", " 8 ");
    NumericsProfile profile = NumericsProfile.from(env::get);
    assertEquals(new NumericsProfile(NumericsProfile.Mode.NATIVE, 8), profile);
    assertEquals("native-t8", profile.tag());
  }

  @Test
  void badValuesNameTheVariable() {
    var mode =
        assertThrows(
            IllegalArgumentException.class,
            () -> NumericsProfile.from(Map.of("REPFLOW_NUMERICS", "fast")::get));
    assertEquals("REPFLOW_NUMERICS must be 'portable' or 'native', got 'fast'", mode.getMessage());
    var threads =
        assertThrows(
            IllegalArgumentException.class,
            () -> NumericsProfile.from(Map.of("REPFLOW_THREADS", "two")::get));
    assertEquals(
        "REPFLOW_THREADS must be a whole number of threads, got 'two'", threads.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> NumericsProfile.from(Map.of("REPFLOW_THREADS", "0")::get));
  }

  @Test
  void portablePinsEveryLibraryAndNativeOnlyTheThreads() {
    Map<String, String> portable =
        new NumericsProfile(NumericsProfile.Mode.PORTABLE, 3).environment();
    assertEquals("AVX2", portable.get("ONEDNN_MAX_CPU_ISA"));
    assertEquals("avx2", portable.get("ATEN_CPU_CAPABILITY"));
    assertEquals("COMPATIBLE", portable.get("MKL_CBWR"));
    assertEquals("3", portable.get("OMP_NUM_THREADS"));
    assertEquals("3", portable.get("MKL_NUM_THREADS"));

    Map<String, String> nativeEnv =
        new NumericsProfile(NumericsProfile.Mode.NATIVE, 3).environment();
    assertFalse(nativeEnv.containsKey("ONEDNN_MAX_CPU_ISA"));
    assertFalse(nativeEnv.containsKey("MKL_CBWR"));
    assertEquals("3", nativeEnv.get("OMP_NUM_THREADS"));
  }

  @Test
  void theThreadCountIsPartOfTheTagLikeASeed() {
    assertNotEquals(
        new NumericsProfile(NumericsProfile.Mode.PORTABLE, 1).tag(),
        new NumericsProfile(NumericsProfile.Mode.PORTABLE, 2).tag());
    assertTrue(NumericsProfile.propertyName("REPFLOW_THREADS").equals("repflow.threads"));
  }
}
