package dev.repflow.stitching;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;
import java.util.List;

/**
 * One stitched pair evaluated on the test split.
 *
 * @param kind {@code conv1x1} or {@code linear}
 * @param frontAccuracy f alone on the test split
 * @param endAccuracy g alone on the test split
 * @param warnings e.g. an underdetermined direct-matching fit
 * @param report JSON with all numbers and the fitted stitching layers' shapes
 */
public record StitchResult(
    StitchPair pair,
    String kind,
    double frontAccuracy,
    double endAccuracy,
    List<MethodScore> methods,
    List<String> warnings,
    ArtifactRef report,
    boolean cached)
    implements StepOutcome {

  /** Copy pointing at its stored report (written without this field). */
  public StitchResult withReport(ArtifactRef ref, boolean isCached) {
    return new StitchResult(
        pair, kind, frontAccuracy, endAccuracy, methods, warnings, ref, isCached);
  }

  @Override
  public String summary() {
    StringBuilder line = new StringBuilder(pair.label());
    for (MethodScore m : methods) {
      line.append(String.format(java.util.Locale.ROOT, " %s %.3f", m.method(), m.accuracy()));
    }
    return line.toString();
  }
}
