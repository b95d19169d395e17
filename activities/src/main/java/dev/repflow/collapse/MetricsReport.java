package dev.repflow.collapse;

import dev.repflow.artifacts.ArtifactRef;

/** JSON body of a metrics artifact: the inputs and every NC value. */
record MetricsReport(
    String means,
    String spread,
    String probe,
    String decisions,
    String oodMeans,
    int tileSize,
    double nc1Pinv,
    double nc1Svd,
    double nc1Quotient,
    double nc1Cdnv,
    double nc2EtfError,
    double nc2DistMean,
    double nc2DistVariance,
    double nc2LogMean,
    double nc2LogVariance,
    double nc2RieszMean,
    double nc2RieszVariance,
    double nc3DualityError,
    double nc3UniformDuality,
    Double nc4Agreement,
    Double nc5OodDeviation) {

  CollapseMetrics toMetrics(ArtifactRef self, boolean cached) {
    return new CollapseMetrics(
        self,
        nc1Pinv,
        nc1Svd,
        nc1Quotient,
        nc1Cdnv,
        nc2EtfError,
        nc2DistVariance,
        nc2LogVariance,
        nc2RieszVariance,
        nc3DualityError,
        nc3UniformDuality,
        nc4Agreement,
        nc5OodDeviation,
        cached);
  }
}
