package dev.repflow.collapse;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.artifacts.JsonArtifacts;
import java.util.List;

/**
 * The streaming statistics passes: one shard of a feature file into a {@link MeanStats}, {@link
 * SpreadStats} or {@link DecisionStats}, and the merge of the shards' statistics. No caching: the
 * activities decide whether to run a pass.
 */
final class StatsPasses {
  private final ArtifactStore store;
  private final FeatureFiles files;

  StatsPasses(ArtifactStore store, FeatureFiles files) {
    this.store = store;
    this.files = files;
  }

  /** Statistics of the request's shard of its feature file, of the request's kind. */
  Object accumulate(AccumulateRequest r) {
    FeatureTable t = files.read(r.features());
    String source = r.features().uri();
    LabelMap classes = LabelMap.of(r.classes());
    Shard s = Shard.of(r.shard(), r.shards(), t.rows());
    int k = classes.size();
    return switch (r.kind()) {
      case MEANS ->
          MeanStats.empty(k, t.columns())
              .accumulate(t.features(), t.labels(), s.from(), s.to(), classes, source);
      case SPREAD ->
          SpreadStats.empty(k, t.columns())
              .accumulate(t.features(), t.labels(), s.from(), s.to(), means(r, t), classes, source);
      case DECISIONS -> {
        ProbeWeights probe = JsonArtifacts.read(store, r.probe(), ProbeWeights.class);
        requireColumns(r.probe(), probe.weights()[0].length, t);
        yield DecisionStats.empty(k)
            .accumulate(
                t.features(),
                t.labels(),
                s.from(),
                s.to(),
                means(r, t),
                probe.weights(),
                probe.bias(),
                classes,
                source);
      }
    };
  }

  /** The shards' statistics of one kind merged into one. */
  Object merge(StatsKind kind, List<ArtifactRef> parts) {
    return switch (kind) {
      case MEANS -> read(parts, MeanStats.class).stream().reduce(MeanStats::merge).get();
      case SPREAD -> read(parts, SpreadStats.class).stream().reduce(SpreadStats::merge).get();
      case DECISIONS ->
          read(parts, DecisionStats.class).stream().reduce(DecisionStats::merge).get();
    };
  }

  private double[][] means(AccumulateRequest r, FeatureTable t) {
    double[][] m = JsonArtifacts.read(store, r.means(), MeanStats.class).means();
    requireColumns(r.means(), m[0].length, t);
    if (m.length != r.classes().size()) {
      throw new IllegalArgumentException(
          r.means().uri() + " has " + m.length + " classes, the request " + r.classes());
    }
    return m;
  }

  private static void requireColumns(ArtifactRef stats, int dim, FeatureTable t) {
    if (dim != t.columns()) {
      throw new IllegalArgumentException(
          stats.uri() + " has dimension " + dim + " but the features have " + t.columns());
    }
  }

  private <T> List<T> read(List<ArtifactRef> parts, Class<T> type) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    return parts.stream().map(p -> JsonArtifacts.read(store, p, type)).toList();
  }
}
