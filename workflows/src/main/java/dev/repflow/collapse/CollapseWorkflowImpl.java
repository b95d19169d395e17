package dev.repflow.collapse;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.ActivityPresets;
import dev.repflow.common.PipelineProgress;
import dev.repflow.common.RunLabels;
import dev.repflow.common.RunRecord;
import dev.repflow.common.StageTracker;
import dev.repflow.common.Steps;
import dev.repflow.data.Split;
import dev.repflow.models.BackboneRef;
import dev.repflow.models.BackboneSteps;
import dev.repflow.models.ModelActivities;
import dev.repflow.models.TrainedBackbone;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Recipe: pretrain; embed train, test and OOD; fit a probe while the means pass runs; spread and
 * decision passes in parallel; measure. Each pass fans out one activity per shard, then merges.
 */
public class CollapseWorkflowImpl implements CollapseWorkflow {
  static final String PROBE = "classifier";
  static final String MEANS = "means-train";
  static final String SPREAD = "spread-train";
  static final String DECISIONS = "decisions-test";
  static final String OOD_MEANS = "means-ood";
  static final String MEASURE = "measure";

  private final ModelActivities models =
      Workflow.newActivityStub(ModelActivities.class, ActivityPresets.gpuCompute());
  private final CollapseActivities collapse =
      Workflow.newActivityStub(CollapseActivities.class, ActivityPresets.cpuCompute());

  private StageTracker tracker = new StageTracker(TYPE, List.of());

  @Override
  public CollapseResult run(CollapseSpec spec) {
    var a = spec.analysis();
    boolean ood = !a.oodClasses().isEmpty();
    String ts = spec.torchscript();
    tracker = new StageTracker(TYPE, plan(ts, ood, a.shards()));
    RunRecord record = RunRecord.begin(RunLabels.of(TYPE, spec), spec, tracker);
    Steps steps = new Steps(tracker);
    RunContext run = new RunContext(spec.experiment(), spec.useCache());
    var obtained =
        BackboneSteps.obtain(steps, models, run, spec.dataset(), spec.model(), spec.pretrain(), ts);
    TrainedBackbone trained = obtained.trained();
    BackboneRef backbone = obtained.ref();
    Promise<StepResult> train =
        embed(steps, run, spec, "embed-train", Split.TRAIN, a.classes(), backbone);
    Promise<StepResult> test =
        embed(steps, run, spec, "embed-test", Split.TEST, a.classes(), backbone);
    Promise<StepResult> oodFeatures =
        ood ? embed(steps, run, spec, "embed-ood", Split.TEST, a.oodClasses(), backbone) : null;

    ArtifactRef trainRef = train.get().artifact();
    Promise<ProbeResult> probe =
        steps.start(
            PROBE,
            () ->
                a.classifier().equals(CollapseSpec.Analysis.HEAD)
                    ? collapse.headClassifier(run, trained, a.classes())
                    : collapse.fitProbe(run, trainRef, a.classes(), a.probe()));
    Sharded passes = new Sharded(steps, collapse, run, a.shards());
    ArtifactRef means =
        passes.pass(MEANS, StatsKind.MEANS, trainRef, a.classes(), null, null).get();
    Promise<ArtifactRef> spread =
        passes.pass(SPREAD, StatsKind.SPREAD, trainRef, a.classes(), means, null);
    Promise<ArtifactRef> decisions =
        Promise.allOf(test, probe)
            .thenCompose(
                x ->
                    passes.pass(
                        DECISIONS,
                        StatsKind.DECISIONS,
                        test.get().artifact(),
                        a.classes(),
                        means,
                        probe.get().weights()));
    Promise<ArtifactRef> oodMeans =
        ood
            ? oodFeatures.thenCompose(
                f ->
                    passes.pass(
                        OOD_MEANS, StatsKind.MEANS, f.artifact(), a.oodClasses(), null, null))
            : Workflow.newPromise(null);
    CollapseMetrics metrics =
        steps
            .start(
                MEASURE,
                () ->
                    collapse.measure(
                        run,
                        means,
                        spread.get(),
                        probe.get().weights(),
                        decisions.get(),
                        oodMeans.get(),
                        a.tileSize()))
            .get();
    return record.finish(
        run,
        new CollapseResult(
            trained,
            trainRef,
            test.get().artifact(),
            ood ? oodFeatures.get().artifact() : null,
            probe.get(),
            metrics,
            steps.cached(),
            steps.total()));
  }

  @Override
  public PipelineProgress progress() {
    return tracker.snapshot();
  }

  private Promise<StepResult> embed(
      Steps steps,
      RunContext run,
      CollapseSpec spec,
      String stage,
      Split split,
      List<Integer> classes,
      BackboneRef backbone) {
    return steps.start(stage, () -> models.embed(run, spec.dataset(), split, classes, backbone));
  }

  private static List<String> plan(String torchscript, boolean ood, int shards) {
    List<String> stages =
        new ArrayList<>(List.of(BackboneSteps.stage(torchscript), "embed-train", "embed-test"));
    if (ood) {
      stages.add("embed-ood");
    }
    stages.add(PROBE);
    for (String pass :
        ood ? List.of(MEANS, SPREAD, DECISIONS, OOD_MEANS) : List.of(MEANS, SPREAD, DECISIONS)) {
      stages.addAll(Sharded.stages(pass, shards));
    }
    stages.add(MEASURE);
    return stages;
  }
}
