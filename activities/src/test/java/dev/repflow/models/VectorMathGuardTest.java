package dev.repflow.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No main class computes a transcendental function of a tensor with DJL's own methods: libtorch
 * runs those through MKL's vector math, whose kernel, and so whose last bits, depend on the CPU
 * model (see {@link PortableMath}). One such call in a training or feature path makes artifacts
 * differ between machines.
 */
class VectorMathGuardTest {
  private static final Pattern VECTOR_MATH =
      Pattern.compile(
          "Method ai/djl/(ndarray/NDArray|pytorch/engine/PtNDArray)"
              + "\\.(sqrt|exp|log|log10|log2|log1p|expm1|tanh|sinh|cosh|sin|cos|tan"
              + "|asin|acos|atan|erf|erfinv)i?:\\(\\)"
              + "|Method ai/djl/nn/Activation\\.tanh:");

  @Test
  void mainClassesTakeSqrtAndLogSumExpFromPortableMath() {
    assertEquals(
        List.of(),
        CompiledCalls.matching(VECTOR_MATH),
        "use PortableMath (or add a CPU-independent formulation there)");
  }
}
