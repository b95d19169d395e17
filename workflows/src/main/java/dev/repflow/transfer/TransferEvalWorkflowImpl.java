package dev.repflow.transfer;

import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.ActivityPresets;
import dev.repflow.common.PipelineProgress;
import dev.repflow.common.RunLabels;
import dev.repflow.common.RunRecord;
import dev.repflow.common.StageTracker;
import dev.repflow.common.Steps;
import dev.repflow.data.DataActivities;
import dev.repflow.data.Split;
import dev.repflow.eval.EvalActivities;
import dev.repflow.eval.KnnResult;
import dev.repflow.models.ModelActivities;
import dev.repflow.models.TrainedBackbone;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/** Recipe: pretrain; embed train and test in parallel (pixels alongside); kNN each. */
public class TransferEvalWorkflowImpl implements TransferEvalWorkflow {
  static final String PRETRAIN = "pretrain";
  static final String EMBED_TRAIN = "embed-train";
  static final String EMBED_TEST = "embed-test";
  static final String PIXELS_TRAIN = "pixels-train";
  static final String PIXELS_TEST = "pixels-test";
  static final String KNN_EMBEDDINGS = "knn-embeddings";
  static final String KNN_PIXELS = "knn-pixels";

  private final ModelActivities models =
      Workflow.newActivityStub(ModelActivities.class, ActivityPresets.gpuCompute());
  private final DataActivities data =
      Workflow.newActivityStub(DataActivities.class, ActivityPresets.cpuCompute());
  private final EvalActivities eval =
      Workflow.newActivityStub(EvalActivities.class, ActivityPresets.cpuCompute());

  private StageTracker tracker = new StageTracker(TYPE, List.of());

  @Override
  public TransferEvalResult run(TransferEvalSpec spec) {
    boolean pixels = spec.evaluate().pixelBaseline();
    tracker = new StageTracker(TYPE, plan(pixels));
    RunRecord record = RunRecord.begin(RunLabels.of(TYPE, spec), spec, tracker);
    Steps steps = new Steps(tracker);
    RunContext run = new RunContext(spec.experiment(), spec.useCache());
    var classes = spec.evaluate().classes();

    // Pixel features need no model: export them while the backbone trains.
    Promise<StepResult> pixelsTrain = null;
    Promise<StepResult> pixelsTest = null;
    if (pixels) {
      pixelsTrain =
          steps.start(
              PIXELS_TRAIN, () -> data.exportPixels(run, spec.dataset(), Split.TRAIN, classes));
      pixelsTest =
          steps.start(
              PIXELS_TEST, () -> data.exportPixels(run, spec.dataset(), Split.TEST, classes));
    }

    TrainedBackbone backbone =
        steps
            .start(
                PRETRAIN,
                () ->
                    models.pretrain(
                        run,
                        spec.dataset(),
                        spec.pretrain().classes(),
                        spec.model(),
                        spec.pretrain().train()))
            .get();

    Promise<StepResult> embedTrain =
        steps.start(
            EMBED_TRAIN,
            () -> models.embed(run, spec.dataset(), Split.TRAIN, classes, backbone.ref()));
    Promise<StepResult> embedTest =
        steps.start(
            EMBED_TEST,
            () -> models.embed(run, spec.dataset(), Split.TEST, classes, backbone.ref()));

    int k = spec.evaluate().k();
    List<Promise<KnnResult>> evaluations = new ArrayList<>();
    evaluations.add(knn(steps, run, KNN_EMBEDDINGS, "embeddings", embedTrain, embedTest, k));
    if (pixels) {
      evaluations.add(knn(steps, run, KNN_PIXELS, "pixels", pixelsTrain, pixelsTest, k));
    }
    List<KnnResult> results = evaluations.stream().map(Promise::get).toList();

    return record.finish(
        run,
        new TransferEvalResult(
            backbone,
            embedTrain.get().artifact(),
            embedTest.get().artifact(),
            results,
            steps.cached(),
            steps.total()));
  }

  @Override
  public PipelineProgress progress() {
    return tracker.snapshot();
  }

  private Promise<KnnResult> knn(
      Steps steps,
      RunContext run,
      String stage,
      String name,
      Promise<StepResult> memory,
      Promise<StepResult> queries,
      int k) {
    return Promise.allOf(memory, queries)
        .thenCompose(
            ignored ->
                steps.start(
                    stage,
                    () ->
                        eval.knn(run, name, memory.get().artifact(), queries.get().artifact(), k)));
  }

  private static List<String> plan(boolean pixels) {
    List<String> stages = new ArrayList<>(List.of(PRETRAIN, EMBED_TRAIN, EMBED_TEST));
    if (pixels) {
      stages.addAll(List.of(PIXELS_TRAIN, PIXELS_TEST));
    }
    stages.add(KNN_EMBEDDINGS);
    if (pixels) {
      stages.add(KNN_PIXELS);
    }
    return stages;
  }
}
