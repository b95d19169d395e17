package dev.repflow.numerics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one {@link NumericsProfile} to this process before the PyTorch engine loads.
 *
 * <p>oneDNN, ATen, MKL and OpenMP read their settings from the process environment once, when the
 * native library loads or at first use; nothing in DJL can change them later. So the profile is set
 * with {@code setenv(3)} before libtorch is mapped, and a second call with another profile, or a
 * call after an engine loaded with other settings, fails instead of silently computing something
 * else. Entry points call {@link #pin} first thing (the CLI, {@code RepflowPlugin}, test set-up);
 * {@link #active} pins the environment's profile if nobody did.
 */
public final class CpuNumerics {
  private static final Logger log = LoggerFactory.getLogger(CpuNumerics.class);
  private static final String LIBTORCH = "libtorch_cpu";
  private static NumericsProfile active;

  private CpuNumerics() {}

  /**
   * Makes {@code profile} this process's numerics; idempotent for the same profile.
   *
   * @throws IllegalStateException when another profile is active, or libtorch already loaded with
   *     settings that differ from the profile's
   */
  public static synchronized NumericsProfile pin(NumericsProfile profile) {
    Objects.requireNonNull(profile, "profile");
    if (active != null) {
      if (!active.equals(profile)) {
        throw new IllegalStateException(
            "CPU numerics are already " + active.tag() + "; cannot switch to " + profile.tag());
      }
      return active;
    }
    Map<String, String> wanted = profile.environment();
    if (ProcessEnvironment.isLoaded(LIBTORCH)) {
      List<String> differing = differing(wanted);
      if (!differing.isEmpty()) {
        throw new IllegalStateException(
            "the PyTorch engine was loaded before repflow could set its CPU numerics ("
                + profile.tag()
                + "); "
                + String.join(", ", differing)
                + ". Create RepflowPlugin (or call CpuNumerics.pin) before any DJL code runs,"
                + " or start the JVM with these environment variables");
      }
    } else {
      for (var e : wanted.entrySet()) {
        String before = ProcessEnvironment.get(e.getKey());
        if (before != null && !before.equals(e.getValue())) {
          log.warn(
              "{}={} overridden by CPU numerics {}: {}={}",
              e.getKey(),
              before,
              profile.tag(),
              e.getKey(),
              e.getValue());
        }
        ProcessEnvironment.set(e.getKey(), e.getValue());
      }
      // DJL reads these when the engine starts and applies them to libtorch.
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(profile.threads()));
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
    active = profile;
    log.info("CPU numerics {}: {}", profile.tag(), wanted);
    return profile;
  }

  /** The pinned profile; pins {@link NumericsProfile#fromEnvironment()} if none is yet. */
  public static synchronized NumericsProfile active() {
    return active != null ? active : pin(NumericsProfile.fromEnvironment());
  }

  private static List<String> differing(Map<String, String> wanted) {
    List<String> differing = new ArrayList<>();
    for (var e : wanted.entrySet()) {
      String actual = ProcessEnvironment.get(e.getKey());
      if (!e.getValue().equals(actual)) {
        differing.add(e.getKey() + " is " + actual + ", not " + e.getValue());
      }
    }
    return differing;
  }
}
