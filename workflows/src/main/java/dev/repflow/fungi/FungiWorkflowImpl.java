package dev.repflow.fungi;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.ActivityPresets;
import dev.repflow.common.PipelineProgress;
import dev.repflow.common.RunLabels;
import dev.repflow.common.RunRecord;
import dev.repflow.common.StageTracker;
import dev.repflow.common.Steps;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Split;
import dev.repflow.models.BackboneRef;
import dev.repflow.models.BackboneSteps;
import dev.repflow.models.ModelActivities;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recipe: get the backbone (pretrain, or inspect the TorchScript parts); plan the projection for
 * its layer; embed both splits; fan out one gradient step per objective and split; evaluate every
 * combination in parallel; write the summary table.
 */
public class FungiWorkflowImpl implements FungiWorkflow {
  static final String PROJECTION = "projection";
  static final String EMBEDDINGS = "embeddings";
  static final String SUMMARY = "summary";

  /**
   * Runs started before backbone references planned the projection from the architecture before
   * pretraining; they replay on that order.
   */
  static final String BACKBONE_REF = "backbone-ref";

  private final ModelActivities models =
      Workflow.newActivityStub(ModelActivities.class, ActivityPresets.gpuCompute());
  private final GradientActivities gradients =
      Workflow.newActivityStub(GradientActivities.class, ActivityPresets.gpuCompute());
  private final FungiEvalActivities eval =
      Workflow.newActivityStub(FungiEvalActivities.class, ActivityPresets.cpuCompute());

  private StageTracker tracker = new StageTracker(TYPE, List.of());

  @Override
  public FungiResult run(FungiSpec spec) {
    List<String> objectives = spec.gradients().objectives().stream().map(o -> o.name()).toList();
    List<Combination> combinations = Combination.paperOrder(objectives);
    String ts = spec.torchscript();
    tracker = new StageTracker(TYPE, plan(objectives, combinations, ts));
    RunRecord record = RunRecord.begin(RunLabels.of(TYPE, spec), spec, tracker);
    Steps steps = new Steps(tracker);
    RunContext run = new RunContext(spec.experiment(), spec.useCache());
    var classes = spec.evaluate().classes();
    GradientSpec g = spec.gradients();

    FungiProjection projection = null;
    if (ts == null
        && Workflow.getVersion(BACKBONE_REF, Workflow.DEFAULT_VERSION, 1)
            == Workflow.DEFAULT_VERSION) {
      // Shapes only: the plan reads the architecture, never the (not yet trained) weights.
      BackboneRef architecture =
          new BackboneRef.Trained(null, spec.model(), 2, DatasetSpec.FASHION_MNIST_SHAPE);
      projection = planProjection(steps, run, architecture, g);
    }
    var obtained =
        BackboneSteps.obtain(steps, models, run, spec.dataset(), spec.model(), spec.pretrain(), ts);
    BackboneRef backbone = obtained.ref();
    FungiProjection shared =
        projection != null ? projection : planProjection(steps, run, backbone, g);

    Map<String, Promise<StepResult>> train = new LinkedHashMap<>();
    Map<String, Promise<StepResult>> test = new LinkedHashMap<>();
    for (Split split : Split.values()) {
      var target = split == Split.TRAIN ? train : test;
      target.put(
          EMBEDDINGS,
          steps.start(
              stage(EMBEDDINGS, split),
              () -> models.embed(run, spec.dataset(), split, classes, backbone)));
      for (ObjectiveSpec objective : g.objectives()) {
        target.put(
            objective.name(),
            steps.start(
                stage(objective.name(), split),
                () ->
                    gradients.gradients(
                        run,
                        spec.dataset(),
                        split,
                        classes,
                        backbone,
                        objective,
                        shared,
                        g.batchSize())));
      }
    }
    Map<String, ArtifactRef> trainRefs = resolve(train);
    Map<String, ArtifactRef> testRefs = resolve(test);

    List<Promise<CombinationResult>> evaluations = new ArrayList<>();
    for (Combination c : combinations) {
      List<String> blocks = new ArrayList<>(c.embeddings() ? List.of(EMBEDDINGS) : List.of());
      blocks.addAll(c.objectives());
      List<ArtifactRef> trainBlocks = blocks.stream().map(trainRefs::get).toList();
      List<ArtifactRef> testBlocks = blocks.stream().map(testRefs::get).toList();
      evaluations.add(
          steps.start(
              "eval " + c.name(),
              () -> eval.evaluate(run, c.name(), trainBlocks, testBlocks, spec.evaluate())));
    }
    List<CombinationResult> results = evaluations.stream().map(Promise::get).toList();
    StepResult summary = steps.start(SUMMARY, () -> eval.summarize(run, results)).get();

    return record.finish(
        run,
        new FungiResult(
            obtained.trained(),
            shared,
            trainRefs,
            testRefs,
            results,
            summary.artifact(),
            steps.cached(),
            steps.total()));
  }

  @Override
  public PipelineProgress progress() {
    return tracker.snapshot();
  }

  private FungiProjection planProjection(
      Steps steps, RunContext run, BackboneRef backbone, GradientSpec g) {
    return steps
        .start(PROJECTION, () -> gradients.plan(run, backbone, g.layer(), g.projection()))
        .get();
  }

  private static Map<String, ArtifactRef> resolve(Map<String, Promise<StepResult>> promises) {
    Map<String, ArtifactRef> refs = new LinkedHashMap<>();
    promises.forEach((name, p) -> refs.put(name, p.get().artifact()));
    return refs;
  }

  private static String stage(String block, Split split) {
    return block + "-" + split.id();
  }

  private static List<String> plan(
      List<String> objectives, List<Combination> combinations, String torchscript) {
    List<String> stages = new ArrayList<>(List.of(BackboneSteps.stage(torchscript), PROJECTION));
    for (Split split : Split.values()) {
      stages.add(stage(EMBEDDINGS, split));
      objectives.forEach(o -> stages.add(stage(o, split)));
    }
    combinations.forEach(c -> stages.add("eval " + c.name()));
    stages.add(SUMMARY);
    return stages;
  }
}
