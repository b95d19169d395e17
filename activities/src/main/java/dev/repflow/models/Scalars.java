package dev.repflow.models;

import ai.djl.ndarray.NDArray;

/**
 * Constants for tensor expressions that autograd differentiates.
 *
 * <p>DJL's {@code NDArray.div(Number)} (likewise {@code mul}, {@code pow}, {@code maximum}, {@code
 * minimum}, {@code sub}, {@code add}) wraps the number in a tensor backed by a Java direct buffer
 * and closes it as soon as the operation returns. Autograd keeps that tensor for the backward pass
 * ({@code d(x/c)/dx} needs {@code c}); once the garbage collector frees the buffer, the backward
 * pass reads freed memory, and gradients come out as garbage or NaN depending on when the collector
 * ran. A scalar from here belongs to the manager of the expression and lives until that closes,
 * after the backward pass.
 */
public final class Scalars {
  private Scalars() {}

  /** {@code value} as a 0-d float32 tensor owned by {@code like}'s manager. */
  public static NDArray of(NDArray like, double value) {
    return like.getManager().create((float) value);
  }
}
