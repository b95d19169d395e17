package dev.repflow.imprinting;

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
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Recipe: pretrain; embed train and test; cut the grid into batches and keep at most {@code
 * parallelism} batch activities in flight; summarize. A batch is one activity (three history
 * events), so a 1,000-run grid in batches of 50 adds about 60 events.
 */
public class ImprintingWorkflowImpl implements ImprintingWorkflow {
  static final String EMBED_TRAIN = "embed-train";
  static final String EMBED_TEST = "embed-test";
  static final String SUMMARIZE = "summarize";

  private final ModelActivities models =
      Workflow.newActivityStub(ModelActivities.class, ActivityPresets.gpuCompute());
  private final ImprintingActivities imprint =
      Workflow.newActivityStub(ImprintingActivities.class, ActivityPresets.cpuCompute());

  private StageTracker tracker = new StageTracker(TYPE, List.of());

  @Override
  public ImprintingResult run(ImprintingSpec spec) {
    List<List<ImprintConfig>> batches = batches(spec.grid().expand(), spec.batchSize());
    String ts = spec.torchscript();
    List<String> stages =
        new ArrayList<>(List.of(BackboneSteps.stage(ts), EMBED_TRAIN, EMBED_TEST));
    batches.forEach(b -> stages.add(batchStage(stages.size() - 3, batches.size())));
    stages.add(SUMMARIZE);
    tracker = new StageTracker(TYPE, stages);
    RunRecord record = RunRecord.begin(RunLabels.of(TYPE, spec), spec, tracker);
    Steps steps = new Steps(tracker);
    RunContext run = new RunContext(spec.experiment(), spec.useCache());
    var obtained =
        BackboneSteps.obtain(steps, models, run, spec.dataset(), spec.model(), spec.pretrain(), ts);
    BackboneRef backbone = obtained.ref();
    Promise<StepResult> train =
        steps.start(
            EMBED_TRAIN,
            () -> models.embed(run, spec.dataset(), Split.TRAIN, spec.classes(), backbone));
    Promise<StepResult> test =
        steps.start(
            EMBED_TEST,
            () -> models.embed(run, spec.dataset(), Split.TEST, spec.classes(), backbone));
    TaskSet tasks = new TaskSet(train.get().artifact(), test.get().artifact(), spec.tasks());

    List<Promise<BatchResult>> started = new ArrayList<>();
    List<Promise<BatchResult>> inFlight = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      if (inFlight.size() >= spec.parallelism()) {
        Promise.anyOf(inFlight).get();
        inFlight.removeIf(Promise::isCompleted);
      }
      List<ImprintConfig> batch = batches.get(i);
      Promise<BatchResult> p =
          steps.start(batchStage(i, batches.size()), () -> imprint.evaluate(run, tasks, batch));
      started.add(p);
      inFlight.add(p);
    }
    // In start order, so the summary's inputs (and its cache key) do not depend on timing.
    List<BatchResult> done = started.stream().map(Promise::get).toList();

    var refs = done.stream().map(BatchResult::runs).toList();
    CdSpec cd = spec.cd().resolved(spec.grid());
    ImprintingSummary summary =
        steps.start(SUMMARIZE, () -> imprint.summarize(run, tasks, refs, cd)).get();
    int memoized = done.stream().mapToInt(BatchResult::memoized).sum();
    return record.finish(
        run,
        new ImprintingResult(
            obtained.trained(), tasks, summary, memoized, steps.cached(), steps.total()));
  }

  @Override
  public PipelineProgress progress() {
    return tracker.snapshot();
  }

  private static String batchStage(int index, int count) {
    return "batch " + (index + 1) + "/" + count;
  }

  private static List<List<ImprintConfig>> batches(List<ImprintConfig> runs, int size) {
    List<List<ImprintConfig>> out = new ArrayList<>();
    for (int i = 0; i < runs.size(); i += size) {
      out.add(List.copyOf(runs.subList(i, Math.min(runs.size(), i + size))));
    }
    return out;
  }
}
