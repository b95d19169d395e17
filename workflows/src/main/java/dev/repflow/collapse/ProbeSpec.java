package dev.repflow.collapse;

/**
 * Linear probe fitted for NC3/NC4 (full-batch Adam from zero weights).
 *
 * @param steps optimiser steps, default 200
 * @param learningRate Adam step size, default 0.05
 * @param l2 weight decay on the weights, default 1e-4
 */
public record ProbeSpec(int steps, double learningRate, double l2) {

  public ProbeSpec {
    steps = steps == 0 ? 200 : steps;
    learningRate = learningRate == 0 ? 0.05 : learningRate;
    l2 = l2 == 0 ? 1e-4 : l2;
    if (steps < 1 || steps > 100_000) {
      throw new IllegalArgumentException("probe.steps must be in 1..100000, got " + steps);
    }
    if (!(learningRate > 0 && learningRate < 10)) {
      throw new IllegalArgumentException(
          "probe.learningRate must be in (0, 10), got " + learningRate);
    }
    if (l2 < 0) {
      throw new IllegalArgumentException("probe.l2 must be >= 0, got " + l2);
    }
  }

  public static ProbeSpec defaults() {
    return new ProbeSpec(0, 0, 0);
  }
}
