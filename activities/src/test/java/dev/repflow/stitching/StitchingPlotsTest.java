package dev.repflow.stitching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StitchingPlotsTest {
  private static final StitchPair AB = new StitchPair("A", "fc", "B", "fc");
  private static final StitchPair BA = new StitchPair("B", "fc", "A", "fc");

  @Test
  void probeCurvesThenDirectMatchingPerReducedRank() {
    RankCurve probe = new RankCurve("probe A.fc", List.of(1, 2, 4), List.of(0.3, 0.5, 0.8));
    List<MethodScore> scores =
        List.of(
            new MethodScore("direct", 0.9, null, null),
            new MethodScore("direct-r2", 0.6, null, null),
            new MethodScore("lstsq", 0.85, null, null),
            new MethodScore("direct-r4", 0.7, null, null));
    List<RankCurve> curves =
        StitchingPlots.accuracyCurves(
            List.of(new ProbeResult(new LayerRef("A", "fc"), 4, probe, null, false)),
            List.of(stitch(AB, scores), stitch(BA, List.of(scores.get(0)))));

    assertEquals(
        List.of(probe, new RankCurve("direct A.fc->B.fc", List.of(2, 4), List.of(0.6, 0.7))),
        curves,
        "a pair without reduced-rank fits draws no line");
    String svg = StitchingPlots.accuracyVsRank(List.of(), List.of(stitch(AB, scores)));
    assertTrue(svg.contains(">direct A.fc-&gt;B.fc</text>"), svg);
  }

  private static StitchResult stitch(StitchPair pair, List<MethodScore> scores) {
    return new StitchResult(pair, "conv", 0.9, 0.9, scores, List.of(), null, false);
  }
}
