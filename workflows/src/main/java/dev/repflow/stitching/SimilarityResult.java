package dev.repflow.stitching;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;

/** Similarity of a pair's front and end representations at retained ranks (same samples). */
public record SimilarityResult(
    StitchPair pair, RankCurve cka, RankCurve procrustes, ArtifactRef report, boolean cached)
    implements StepOutcome {

  /** Copy pointing at its stored report (written without this field). */
  public SimilarityResult withReport(ArtifactRef ref, boolean isCached) {
    return new SimilarityResult(pair, cka, procrustes, ref, isCached);
  }

  @Override
  public String summary() {
    var values = cka.values();
    return String.format(
        java.util.Locale.ROOT,
        "%s: full-rank CKA %.3f",
        pair.label(),
        values.get(values.size() - 1));
  }
}
