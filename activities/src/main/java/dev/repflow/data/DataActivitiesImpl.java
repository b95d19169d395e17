package dev.repflow.data;

import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.StepProgress;
import dev.repflow.steps.CachedSteps;
import dev.repflow.steps.ProgressReporter;
import dev.repflow.steps.StepFailures;
import dev.repflow.steps.StepKey;
import java.util.List;
import java.util.Map;

/** Dataset steps: raw-pixel feature files. */
public class DataActivitiesImpl implements DataActivities {
  private static final String STEP = "pixels";
  private static final int STEP_VERSION = 1;

  private final CachedSteps steps;

  public DataActivitiesImpl(ArtifactStore store) {
    this.steps = CachedSteps.on(store);
  }

  @Override
  public StepResult exportPixels(
      RunContext run, DatasetSpec dataset, Split split, List<Integer> classes) {
    return StepFailures.guard(
        STEP,
        () -> {
          StepKey key =
              StepKey.of(
                  run,
                  STEP,
                  STEP_VERSION,
                  Map.of("dataset", dataset, "split", split, "classes", classes),
                  List.of(),
                  "h5");
          return steps.features(
              run,
              key.key(),
              () -> {
                ProgressReporter progress = ProgressReporter.forCurrentActivity();
                ImageSet images = Datasets.load(dataset, split, classes);
                progress.report(
                    StepProgress.of(
                        STEP, "phase", 1, 1, split.id() + ": writing " + images.size()));
                return FeatureTables.of(
                    images,
                    FeatureTables.pixelRows(images),
                    FeatureTables.attributes(
                        dataset,
                        split,
                        Map.of(
                            "kind", "pixels",
                            "model", "none",
                            "layer", "input",
                            "spec_sha256", key.specSha256())));
              });
        });
  }
}
