package dev.repflow.stitching;

import java.util.ArrayList;
import java.util.List;

/** The pipeline's plot: probe accuracy and direct-matching stitched accuracy vs retained rank. */
public final class StitchingPlots {
  private StitchingPlots() {}

  static String accuracyVsRank(List<ProbeResult> probes, List<StitchResult> stitches) {
    return RankPlot.svg(
        "Accuracy vs retained rank (FashionMNIST test)", accuracyCurves(probes, stitches));
  }

  /**
   * The plot's lines, which the run report draws too: each probe's accuracy curve, then per pair
   * the accuracy of direct matching with the front truncated to each rank ({@code direct-r<rank>}).
   */
  public static List<RankCurve> accuracyCurves(
      List<ProbeResult> probes, List<StitchResult> stitches) {
    List<RankCurve> curves = new ArrayList<>();
    probes.forEach(p -> curves.add(p.accuracy()));
    for (StitchResult s : stitches) {
      List<Integer> ranks = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (MethodScore m : s.methods()) {
        if (m.method().startsWith("direct-r")) {
          ranks.add(Integer.parseInt(m.method().substring("direct-r".length())));
          values.add(m.accuracy());
        }
      }
      if (!ranks.isEmpty()) {
        curves.add(new RankCurve("direct " + s.pair().label(), ranks, values));
      }
    }
    return curves;
  }
}
