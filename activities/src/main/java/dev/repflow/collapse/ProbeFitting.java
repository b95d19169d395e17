package dev.repflow.collapse;

import dev.repflow.artifacts.FeatureTable;
import dev.repflow.eval.LogisticProbe;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Fits the NC3/NC4 linear classifier on a feature file when the backbone's head cannot serve. */
final class ProbeFitting {
  private ProbeFitting() {}

  /**
   * A {@link LogisticProbe} on the rows of {@code t} ({@code [N, D]} features), one class row per
   * id of {@code classes} in ascending order.
   *
   * @param source the feature file's URI, named when a label is not among {@code classes}
   * @param onStep called after each Adam step with the step number (progress)
   * @return weights {@code [K, D]}, bias {@code [K]} and the share of rows it classifies correctly
   */
  static ProbeWeights fit(
      FeatureTable t, String source, List<Integer> classes, ProbeSpec probe, IntConsumer onStep) {
    LabelMap map = LabelMap.of(classes);
    int[] rows = new int[t.rows()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = map.row(t.labels()[i], source);
    }
    LogisticProbe fit =
        LogisticProbe.fit(
            t.features(),
            rows,
            map.size(),
            probe.steps(),
            probe.learningRate(),
            probe.l2(),
            onStep);
    long[] predicted = fit.predict(t.features());
    long correct = IntStream.range(0, rows.length).filter(i -> predicted[i] == rows[i]).count();
    return new ProbeWeights(
        map.sortedIdList(), fit.weights(), fit.bias(), (double) correct / rows.length);
  }
}
