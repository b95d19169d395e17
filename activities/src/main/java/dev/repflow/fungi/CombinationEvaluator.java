package dev.repflow.fungi;

import ai.djl.ndarray.NDManager;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.eval.ClassificationMetrics;
import dev.repflow.eval.KnnClassifier;
import dev.repflow.eval.LogisticProbe;
import dev.repflow.eval.NearestNeighbours;
import dev.repflow.linalg.DistanceBlocks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Evaluates one feature combination: normalise and concatenate blocks, PCA, then each metric. kNN
 * and retrieval share one pass over the test-to-train distances.
 */
final class CombinationEvaluator {
  /** Adam step size of the linear probe; the config sets its steps and weight decay. */
  private static final double PROBE_LEARNING_RATE = 0.05;

  private CombinationEvaluator() {}

  /**
   * @param train blocks of the train split (same rows and labels in each)
   * @param test blocks of the test split
   * @param stage called with the name of each metric as it starts (progress)
   */
  static CombinationReport evaluate(
      NDManager manager,
      String name,
      List<FeatureTable> train,
      List<FeatureTable> test,
      List<String> trainUris,
      List<String> testUris,
      FungiEvalSpec settings,
      Consumer<String> stage) {
    long[] trainLabels = sameLabels(train, trainUris);
    long[] testLabels = sameLabels(test, testUris);
    float[][] x = FeatureBlocks.concat(train.stream().map(FeatureTable::features).toList());
    float[][] q = FeatureBlocks.concat(test.stream().map(FeatureTable::features).toList());
    stage.accept("pca");
    Pca pca = Pca.fit(manager, x, settings.pcaDim());
    float[][] xp = pca.transform(manager, x);
    float[][] qp = pca.transform(manager, q);

    stage.accept("knn and retrieval");
    KnnClassifier.checkK(settings.k(), xp.length);
    long[] knn = new long[qp.length];
    double[] ap = new double[qp.length];
    try (DistanceBlocks distances = new DistanceBlocks(manager, xp)) {
      distances.forEachRow(
          qp,
          (i, row, bound) -> {
            int[] nearest = NearestNeighbours.of(row, bound, qp[i], xp, settings.k());
            knn[i] = KnnClassifier.vote(nearest, trainLabels);
            ap[i] = RetrievalMap.averagePrecision(row, trainLabels, testLabels[i]);
          },
          done -> {});
    }
    ClassificationMetrics knnMetrics = ClassificationMetrics.of(knn, testLabels);
    double map = RetrievalMap.mean(ap);

    stage.accept("linear probe");
    long[] probe =
        LogisticProbe.fit(
                xp,
                trainLabels,
                settings.probeEpochs(),
                PROBE_LEARNING_RATE,
                settings.probeWeightDecay())
            .predict(qp);
    double linear = ClassificationMetrics.of(probe, testLabels).accuracy();

    stage.accept("few-shot");
    List<FewShotScore> fewShot = new ArrayList<>();
    for (int shots : settings.shots()) {
      double[] acc =
          FewShot.episodes(
              xp, trainLabels, qp, testLabels, shots, settings.episodes(), settings.seed());
      double mean = Arrays.stream(acc).average().orElse(0);
      double var = Arrays.stream(acc).map(a -> (a - mean) * (a - mean)).average().orElse(0);
      fewShot.add(new FewShotScore(shots, mean, Math.sqrt(var)));
    }

    return new CombinationReport(
        name,
        trainUris,
        testUris,
        x[0].length,
        pca.dims(),
        settings.k(),
        knnMetrics.accuracy(),
        knnMetrics.meanPerClassAccuracy(),
        knnMetrics.perClassAccuracy(),
        linear,
        fewShot,
        map);
  }

  /** The blocks' common labels; blocks must describe the same rows. */
  private static long[] sameLabels(List<FeatureTable> blocks, List<String> uris) {
    long[] labels = blocks.get(0).labels();
    for (int b = 1; b < blocks.size(); b++) {
      if (!Arrays.equals(labels, blocks.get(b).labels())) {
        throw new IllegalArgumentException(
            uris.get(b) + " does not describe the same rows as " + uris.get(0));
      }
    }
    return labels;
  }
}
