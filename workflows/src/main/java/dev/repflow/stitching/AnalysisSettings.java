package dev.repflow.stitching;

import java.util.List;

/**
 * Linear probes and similarity indices at retained ranks.
 *
 * @param samples images per split used for probes (train and test) and similarity (train), default
 *     500
 * @param ranks retained ranks (top principal components); the full representation is always added
 * @param probes layers to probe, e.g. {@code {model: A, layer: pool2}}
 */
public record AnalysisSettings(int samples, List<Integer> ranks, List<LayerRef> probes) {
  public AnalysisSettings {
    samples = samples == 0 ? 500 : samples;
    if (samples < 10 || samples > 5000) {
      throw new IllegalArgumentException("analysis.samples must be in 10..5000, got " + samples);
    }
    ranks = ranks == null ? List.of(1, 2, 4, 8, 16, 32) : List.copyOf(ranks);
    for (int r : ranks) {
      if (r < 1) {
        throw new IllegalArgumentException("analysis.ranks must be positive, got " + r);
      }
    }
    probes = probes == null ? List.of() : List.copyOf(probes);
  }
}
