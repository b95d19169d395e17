package dev.repflow.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No main class calls DJL's arithmetic with a {@code Number} argument ({@code x.div(2.0)}): those
 * calls free their constant while autograd may still need it (see {@link Scalars}).
 */
class ScalarsGuardTest {
  private static final Pattern NUMBER_ARITHMETIC =
      Pattern.compile(
          "Method ai/djl/(ndarray/NDArray|pytorch/engine/PtNDArray)"
              + "\\.(add|sub|mul|div|pow|maximum|minimum):\\(Ljava/lang/Number;\\)");

  @Test
  void mainClassesUseScalarsForTensorConstants() {
    assertEquals(
        List.of(), CompiledCalls.matching(NUMBER_ARITHMETIC), "use Scalars.of(x, value) instead");
  }
}
