package dev.repflow.eval;

import ai.djl.ndarray.NDManager;
import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.artifacts.RunContext;
import dev.repflow.common.StepProgress;
import dev.repflow.steps.CachedSteps;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.util.List;
import java.util.Map;

/** Evaluation steps on stored feature files. */
public class EvalActivitiesImpl implements EvalActivities {
  private static final String KNN = "knn";
  private static final int KNN_VERSION = 1;

  private final FeatureFiles files;
  private final CachedSteps steps;

  public EvalActivitiesImpl(ArtifactStore store) {
    this.files = new FeatureFiles(store);
    this.steps = CachedSteps.on(store);
  }

  @Override
  public KnnResult knn(
      RunContext run, String name, ArtifactRef memory, ArtifactRef queries, int k) {
    return StepFailures.guard(
        KNN,
        () -> {
          String key =
              StepKey.of(
                      run,
                      KNN,
                      KNN_VERSION,
                      Map.of("name", name, "k", k),
                      List.of(memory, queries),
                      "json")
                  .key();
          return steps.json(
              run, key, KnnReport.class, () -> knn(name, memory, queries, k), KnnReport::toResult);
        });
  }

  private KnnReport knn(String name, ArtifactRef memory, ArtifactRef queries, int k) {
    ProgressReporter progress = ProgressReporter.forCurrentActivity();
    FeatureTable mem = files.read(memory);
    FeatureTable query = files.read(queries);
    if (mem.columns() != query.columns()) {
      throw new IllegalArgumentException(
          "memory "
              + memory.uri()
              + " has "
              + mem.columns()
              + " columns but queries "
              + queries.uri()
              + " have "
              + query.columns());
    }
    long[] predicted;
    try (NDManager manager = NDManager.newBaseManager()) {
      predicted =
          new KnnClassifier(manager, k)
              .predict(
                  mem.features(),
                  mem.labels(),
                  query.features(),
                  done ->
                      progress.report(
                          StepProgress.of(
                              KNN,
                              "query",
                              done,
                              query.rows(),
                              name + " " + done + "/" + query.rows() + " queries")));
    }
    ClassificationMetrics metrics = ClassificationMetrics.of(predicted, query.labels());
    KnnReport report =
        new KnnReport(
            name,
            k,
            memory.uri(),
            queries.uri(),
            query.rows(),
            query.columns(),
            metrics.accuracy(),
            metrics.meanPerClassAccuracy(),
            metrics.perClassAccuracy());
    return report;
  }
}
