package dev.repflow.stitching;

import java.util.ArrayList;
import java.util.List;

/** The pipeline's plot: probe accuracy and direct-matching stitched accuracy vs retained rank. */
final class StitchingPlots {
  private StitchingPlots() {}

  static String accuracyVsRank(List<ProbeResult> probes, List<StitchResult> stitches) {
    List<RankPlot.Line> lines = new ArrayList<>();
    for (ProbeResult p : probes) {
      lines.add(
          new RankPlot.Line(p.accuracy().name(), p.accuracy().ranks(), p.accuracy().values()));
    }
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
        lines.add(new RankPlot.Line("direct " + s.pair().label(), ranks, values));
      }
    }
    return RankPlot.svg("Accuracy vs retained rank (FashionMNIST test)", lines);
  }
}
