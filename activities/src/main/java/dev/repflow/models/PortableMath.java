package dev.repflow.models;

import ai.djl.ndarray.NDArray;

/**
 * Square root and log-sum-exp on tensors, computed so that every x86-64 CPU gives the same bits.
 *
 * <p>libtorch evaluates {@code sqrt}, {@code exp}, {@code log}, {@code tanh} and the other
 * transcendental element-wise functions of a float CPU tensor with MKL's vector math (VML). VML
 * picks its kernel from the CPU model at run time, whatever {@code MKL_CBWR} says, and its kernels
 * disagree in the last bit: on the same inputs the kernel MKL runs on AMD CPUs, its AVX2 kernel
 * (Intel CPUs with AVX2) and its AVX-512 kernel differ for 17% (sqrt), 1.6-4.4% (exp) and 0.8-4.9%
 * (log) of values (docs/determinism.md). Adam's sqrt alone made pretraining give other weights on
 * AMD than on Intel. The functions here reach the same values through ATen kernels that are the
 * same code on every CPU at a given {@code ATEN_CPU_CAPABILITY}: {@code pow} with a tensor exponent
 * (Sleef's vectorised {@code powf}, at most 1 ulp from the exact root) and {@code log_softmax}
 * (Sleef's {@code expf} and glibc's {@code log}).
 */
public final class PortableMath {
  private PortableMath() {}

  /** Element-wise square root, within 1 ulp of the exact root; 0 for 0. */
  public static NDArray sqrt(NDArray x) {
    return x.pow(Scalars.of(x, 0.5));
  }

  /**
   * {@code log(sum(exp(x)))} along {@code axis}, which it removes; differentiable (the gradient is
   * {@code softmax(x)} along the axis).
   *
   * <p>log_softmax is {@code x - max - log(sum(exp(x - max)))}, so {@code x - log_softmax(x)} is
   * the log-sum-exp at every position. It is read at the row's maximum, where {@code x - max} is
   * exactly 0: the value then carries one rounding, as in the textbook formula, and
   * far-below-maximum entries (such as SimCLR's -1e4 self-similarity) cannot cancel digits away.
   * Both terms are picked at that position before subtracting, so no second full-size tensor is
   * made.
   */
  public static NDArray logSumExp(NDArray x, int axis) {
    NDArray top = x.argMax(axis).expandDims(axis);
    return x.gather(top, axis).sub(x.logSoftmax(axis).gather(top, axis)).squeeze(axis);
  }
}
