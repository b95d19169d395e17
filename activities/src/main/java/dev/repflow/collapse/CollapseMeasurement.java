package dev.repflow.collapse;

/** All NC metrics from merged statistics (no I/O, no Temporal). */
final class CollapseMeasurement {
  private CollapseMeasurement() {}

  /**
   * @param decisions null: no NC4
   * @param oodMeans null: no NC5
   */
  record Inputs(
      MeanStats means,
      SpreadStats spread,
      ProbeWeights probe,
      DecisionStats decisions,
      MeanStats oodMeans,
      int tileSize) {}

  static MetricsReport report(
      Inputs in,
      String meansUri,
      String spreadUri,
      String probeUri,
      String decisionsUri,
      String oodUri) {
    double[][] m = in.means().means();
    double[] g = in.means().globalMean();
    double[][] sigmaW = in.spread().withinCovariance();
    double[][] w = in.probe().weights();
    if (w.length != m.length || w[0].length != m[0].length) {
      throw new IllegalArgumentException(
          probeUri
              + " has weights "
              + w.length
              + "x"
              + w[0].length
              + " but the means are "
              + m.length
              + "x"
              + m[0].length);
    }
    int tile = in.tileSize();
    double[] dist = NcMeasures.kernelStats(m, g, Kernel.DIST, tile);
    double[] log = NcMeasures.kernelStats(m, g, Kernel.LOG, tile);
    double[] riesz = NcMeasures.kernelStats(m, g, Kernel.RIESZ, tile);
    return new MetricsReport(
        meansUri,
        spreadUri,
        probeUri,
        decisionsUri,
        oodUri,
        tile,
        NcMeasures.covarianceRatio(sigmaW, m, g, Nc1Method.PINV),
        NcMeasures.covarianceRatio(sigmaW, m, g, Nc1Method.SVD),
        NcMeasures.covarianceRatio(sigmaW, m, g, Nc1Method.QUOTIENT),
        NcMeasures.cdnv(in.spread().varianceNorms(), m, tile),
        NcMeasures.simplexEtfError(m, g),
        dist[0],
        dist[1],
        log[0],
        log[1],
        riesz[0],
        riesz[1],
        NcMeasures.selfDualityError(w, m, g),
        NcMeasures.uniformDualityVariance(w, m, g),
        in.decisions() == null ? null : in.decisions().agreement(),
        in.oodMeans() == null
            ? null
            : NcMeasures.orthogonalityDeviation(m, in.oodMeans().globalMean()));
  }
}
