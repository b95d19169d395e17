package dev.repflow.testing;

import dev.repflow.numerics.CpuNumerics;
import dev.repflow.numerics.NumericsProfile;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Pins the CPU numerics before the first test, as the CLI and {@code RepflowPlugin} do before any
 * step runs: tests that touch DJL directly would otherwise load libtorch unpinned. Registered in
 * {@code META-INF/services}; the profile comes from {@code REPFLOW_NUMERICS} / {@code
 * REPFLOW_THREADS} like a worker's.
 */
public final class NumericsSession implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    CpuNumerics.pin(NumericsProfile.fromEnvironment());
  }
}
