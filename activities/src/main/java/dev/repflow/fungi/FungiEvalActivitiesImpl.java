package dev.repflow.fungi;

import ai.djl.ndarray.NDManager;
import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.StepProgress;
import dev.repflow.steps.CachedSteps;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.util.List;
import java.util.Map;

/** Evaluation of feature combinations and the summary table. */
public class FungiEvalActivitiesImpl implements FungiEvalActivities {
  static final String EVALUATE = "fungi-evaluate";
  static final String SUMMARY = "fungi-summary";
  private static final int VERSION = 2; // 2: matrix-product evaluation, projection schemes

  private final ArtifactStore store;
  private final FeatureFiles files;
  private final CachedSteps steps;

  public FungiEvalActivitiesImpl(ArtifactStore store) {
    this.store = store;
    this.files = new FeatureFiles(store);
    this.steps = CachedSteps.on(store);
  }

  @Override
  public CombinationResult evaluate(
      RunContext run,
      String name,
      List<ArtifactRef> train,
      List<ArtifactRef> test,
      FungiEvalSpec settings) {
    return StepFailures.guard(
        EVALUATE,
        () -> {
          if (train.isEmpty() || train.size() != test.size()) {
            throw new IllegalArgumentException(
                name + ": need the same non-zero number of train and test blocks");
          }
          var inputs = new java.util.ArrayList<>(train);
          inputs.addAll(test);
          String key =
              StepKey.of(
                      run,
                      EVALUATE,
                      VERSION,
                      Map.of("name", name, "settings", settings),
                      inputs,
                      "json")
                  .key();
          return steps.json(
              run,
              key,
              CombinationReport.class,
              () -> evaluate(name, train, test, settings),
              CombinationReport::toResult);
        });
  }

  private CombinationReport evaluate(
      String name, List<ArtifactRef> train, List<ArtifactRef> test, FungiEvalSpec settings) {
    ProgressReporter progress = ProgressReporter.forCurrentActivity();
    List<FeatureTable> trainTables = train.stream().map(files::read).toList();
    List<FeatureTable> testTables = test.stream().map(files::read).toList();
    CombinationReport report;
    try (NDManager manager = NDManager.newBaseManager()) {
      report =
          CombinationEvaluator.evaluate(
              manager,
              name,
              trainTables,
              testTables,
              train.stream().map(ArtifactRef::uri).toList(),
              test.stream().map(ArtifactRef::uri).toList(),
              settings,
              stage ->
                  progress.report(StepProgress.of(EVALUATE, "metric", 0, 0, name + ": " + stage)));
    }
    return report;
  }

  @Override
  public StepResult summarize(RunContext run, List<CombinationResult> results) {
    return StepFailures.guard(
        SUMMARY,
        () -> {
          String key =
              StepKey.of(
                      run,
                      SUMMARY,
                      VERSION,
                      Map.of("names", results.stream().map(CombinationResult::name).toList()),
                      results.stream().map(CombinationResult::report).toList(),
                      "json")
                  .key();
          return steps.artifact(run, key, () -> JsonArtifacts.put(store, key, results));
        });
  }
}
