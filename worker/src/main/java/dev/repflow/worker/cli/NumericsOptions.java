package dev.repflow.worker.cli;

import dev.repflow.numerics.NumericsProfile;
import picocli.CommandLine.Option;

/**
 * How a worker in this process computes on the CPU (picocli mixin); see {@link NumericsProfile}.
 */
public final class NumericsOptions {
  @Option(
      names = "--numerics",
      paramLabel = "MODE",
      defaultValue = "${env:REPFLOW_NUMERICS:-portable}",
      description =
          "CPU kernels: portable (default: the same bits on any x86-64 CPU with AVX2) or native"
              + " (this CPU's fastest kernels; reproducible on the same CPU model only)."
              + " Env REPFLOW_NUMERICS.")
  private String mode;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "${env:REPFLOW_THREADS:-" + NumericsProfile.DEFAULT_THREADS + "}",
      description =
          "Threads per tensor operation (default ${DEFAULT-VALUE}). Results depend on it, like on a"
              + " seed: keep it fixed to reproduce a run. Env REPFLOW_THREADS.")
  private String threads;

  /**
   * The profile the flags ask for.
   *
   * @throws UsageException naming the flag when a value is not understood
   */
  public NumericsProfile profile() {
    try {
      return NumericsProfile.from(
          name -> name.equals(NumericsProfile.MODE_VARIABLE) ? mode : threads);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          e.getMessage()
              .replace(NumericsProfile.MODE_VARIABLE, "--numerics")
              .replace(NumericsProfile.THREADS_VARIABLE, "--threads"));
    }
  }
}
