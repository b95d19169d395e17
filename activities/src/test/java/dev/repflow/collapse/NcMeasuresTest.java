package dev.repflow.collapse;

import static dev.repflow.collapse.CollapseFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repflow.linalg.Matrices;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every metric against the reference library's own functions run in float64 on the same input
 * ({@code src/test/resources/collapse/reference_values.py}), relative error below 1e-4.
 */
class NcMeasuresTest {
  private final MeanStats meanStats = trainMeans();
  private final double[][] means = meanStats.means();
  private final double[] global = meanStats.globalMean();
  private final SpreadStats spread = trainSpread(means);

  private static void close(double actual, double expected) {
    assertEquals(expected, actual, Math.abs(expected) * 1e-4 + 1e-12);
  }

  @Test
  void nc1CovarianceRatios() {
    double[][] sigmaW = spread.withinCovariance();
    close(NcMeasures.covarianceRatio(sigmaW, means, global, Nc1Method.PINV), 0.07066297367385842);
    close(NcMeasures.covarianceRatio(sigmaW, means, global, Nc1Method.SVD), 0.07066297367385843);
    close(
        NcMeasures.covarianceRatio(sigmaW, means, global, Nc1Method.QUOTIENT), 0.16861188679412112);
  }

  @Test
  void nc1Cdnv() {
    for (int tile : List.of(1, 2, 64)) {
      close(NcMeasures.cdnv(spread.varianceNorms(), means, tile), 0.05642123646329547);
    }
  }

  @Test
  void nc2SimplexEtfErrorAndKernels() {
    close(NcMeasures.simplexEtfError(means, global), 0.15805815604050252);
    for (int tile : List.of(1, 2, 64)) {
      double[] dist = NcMeasures.kernelStats(means, global, Kernel.DIST, tile);
      close(dist[0], 1.7300826148605672);
      close(dist[1], 0.002157949188882749);
      double[] log = NcMeasures.kernelStats(means, global, Kernel.LOG, tile);
      close(log[0], -0.5478119065256274);
      close(log[1], 0.0007112865628500351);
      double[] riesz = NcMeasures.kernelStats(means, global, Kernel.RIESZ, tile);
      close(riesz[0], 0.33480236295480587);
      close(riesz[1], 0.00030975700278785);
    }
  }

  @Test
  void nc3Duality() {
    close(NcMeasures.selfDualityError(weights(), means, global), 1.0359352049633164);
    close(NcMeasures.uniformDualityVariance(weights(), means, global), 12.059628947747065);
  }

  @Test
  void nc4Agreement() {
    DecisionStats decisions =
        DecisionStats.empty(3)
            .accumulate(TEST, TEST_LABELS, 0, 6, means, weights(), new double[3], CLASSES, "test");
    close(decisions.agreement(), 0.8333333333333334);
  }

  @Test
  void nc5OrthogonalityDeviation() {
    double[] oodGlobal =
        MeanStats.empty(2, 4)
            .accumulate(OOD, OOD_LABELS, 0, 6, LabelMap.of(List.of(0, 1)), "ood")
            .globalMean();
    close(NcMeasures.orthogonalityDeviation(means, oodGlobal), 0.40781482336279745);
  }

  @Test
  void manyClassesNeedNoGrid() {
    int k = 1000;
    double[][] many = new double[k][8];
    java.util.Random random = new java.util.Random(1);
    for (double[] row : many) {
      for (int d = 0; d < row.length; d++) {
        row[d] = random.nextGaussian();
      }
    }
    double[] g = Matrices.columnMeans(many);
    double[] tiled = NcMeasures.kernelStats(many, g, Kernel.DIST, 64);
    double[] untiled = NcMeasures.kernelStats(many, g, Kernel.DIST, k);
    close(tiled[0], untiled[0]);
    close(tiled[1], untiled[1]);
  }
}
