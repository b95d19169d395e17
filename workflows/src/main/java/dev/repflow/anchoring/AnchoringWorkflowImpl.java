package dev.repflow.anchoring;

import dev.repflow.artifacts.RunContext;
import dev.repflow.common.ActivityPresets;
import dev.repflow.common.PipelineProgress;
import dev.repflow.common.RunLabels;
import dev.repflow.common.RunRecord;
import dev.repflow.common.StageTracker;
import dev.repflow.common.Steps;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Recipe: train every model and build every corrupted set in parallel; infer each (model, set) pair
 * as soon as both exist; report.
 */
public class AnchoringWorkflowImpl implements AnchoringWorkflow {
  static final String REPORT = "report";

  private final AnchoringActivities gpu =
      Workflow.newActivityStub(AnchoringActivities.class, ActivityPresets.gpuCompute());
  private final CorruptionActivities cpu =
      Workflow.newActivityStub(CorruptionActivities.class, ActivityPresets.cpuCompute());

  private StageTracker tracker = new StageTracker(TYPE, List.of());

  @Override
  public AnchoringResult run(AnchoringSpec spec) {
    List<ModelVariant> variants = spec.train().variants();
    List<String> sets = new ArrayList<>(List.of(CorruptedSet.CLEAN));
    sets.addAll(spec.corruptions().types());
    tracker = new StageTracker(TYPE, plan(variants, sets));
    RunRecord record = RunRecord.begin(RunLabels.of(TYPE, spec), spec, tracker);
    Steps steps = new Steps(tracker);
    RunContext run = new RunContext(spec.experiment(), spec.useCache());

    List<Promise<AnchoredModel>> models = new ArrayList<>();
    for (ModelVariant v : variants) {
      models.add(
          steps.start(
              train(v), () -> gpu.train(run, spec.dataset(), spec.model(), spec.train(), v)));
    }
    List<Promise<CorruptedSet>> corrupted = new ArrayList<>();
    for (String name : sets) {
      corrupted.add(
          steps.start(
              corrupt(name), () -> cpu.corrupt(run, spec.dataset(), name, spec.corruptions())));
    }

    List<Promise<CorruptionMetrics>> cells = new ArrayList<>();
    for (int m = 0; m < variants.size(); m++) {
      for (int c = 0; c < sets.size(); c++) {
        Promise<AnchoredModel> model = models.get(m);
        Promise<CorruptedSet> set = corrupted.get(c);
        String stage = infer(variants.get(m), sets.get(c));
        String summary = inferSummary(variants.get(m), sets.get(c), spec);
        cells.add(
            Promise.allOf(model, set)
                .thenCompose(
                    ignored ->
                        steps.start(
                            stage,
                            summary,
                            () ->
                                gpu.infer(
                                    run,
                                    spec.dataset(),
                                    model.get(),
                                    set.get(),
                                    spec.inference()))));
      }
    }
    List<CorruptionMetrics> metrics = cells.stream().map(Promise::get).toList();
    AnchoringReport report = steps.start(REPORT, () -> cpu.report(run, metrics)).get();

    return record.finish(
        run,
        new AnchoringResult(
            models.stream().map(Promise::get).toList(), report, steps.cached(), steps.total()));
  }

  @Override
  public PipelineProgress progress() {
    return tracker.snapshot();
  }

  static String train(ModelVariant v) {
    return "train " + v.name();
  }

  static String corrupt(String set) {
    return "corrupt " + set;
  }

  static String infer(ModelVariant v, String set) {
    return "infer " + v.name() + " " + set;
  }

  /** E.g. {@code infer anchored-a0.25 on fog x severities 1-5, 3 anchors}: one activity each. */
  static String inferSummary(ModelVariant v, String set, AnchoringSpec spec) {
    String data =
        set.equals(CorruptedSet.CLEAN)
            ? "the clean test set"
            : set + " x severities " + spec.corruptions().severities();
    int anchors = v.anchored() ? spec.inference().anchors() : 1;
    return "infer " + v.name() + " on " + data + ", " + anchors + " anchor(s)";
  }

  private static List<String> plan(List<ModelVariant> variants, List<String> sets) {
    List<String> stages = new ArrayList<>();
    variants.forEach(v -> stages.add(train(v)));
    sets.forEach(s -> stages.add(corrupt(s)));
    variants.forEach(v -> sets.forEach(s -> stages.add(infer(v, s))));
    stages.add(REPORT);
    return stages;
  }
}
