package dev.repflow.stitching;

import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepOutcome;
import dev.repflow.common.ActivityPresets;
import dev.repflow.common.PipelineProgress;
import dev.repflow.common.RunLabels;
import dev.repflow.common.RunRecord;
import dev.repflow.common.StageTracker;
import dev.repflow.common.Steps;
import dev.repflow.models.ModelActivities;
import dev.repflow.models.TrainedBackbone;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Recipe: train every model in parallel; per end layer an OOD detector; per pair stitch (after its
 * detector) and similarity; probes; then a plot.
 */
public class StitchingWorkflowImpl implements StitchingWorkflow {
  private final ModelActivities models =
      Workflow.newActivityStub(ModelActivities.class, ActivityPresets.gpuCompute());
  private final StitchingActivities stitching =
      Workflow.newActivityStub(StitchingActivities.class, ActivityPresets.gpuCompute());

  private StageTracker tracker = new StageTracker(TYPE, List.of());

  @Override
  public StitchingResult run(StitchingSpec spec) {
    tracker = new StageTracker(TYPE, StitchingStages.plan(spec));
    RunRecord record = RunRecord.begin(RunLabels.of(TYPE, spec), spec, tracker);
    Steps steps = new Steps(tracker);
    RunContext run = new RunContext(spec.experiment(), spec.useCache());
    var data = spec.dataset();
    var classes = spec.classes();

    Map<String, Promise<TrainedBackbone>> trained = new HashMap<>();
    for (var m : spec.models()) {
      var train = spec.pretrain().train(m.seed());
      trained.put(
          m.name(),
          steps.start(
              StitchingStages.pretrain(m.name()),
              () -> models.pretrain(run, data, classes, m.model(), train)));
    }

    Map<LayerRef, Promise<OodDetector>> detectors = new HashMap<>();
    for (LayerRef layer : StitchingStages.detectorLayers(spec)) {
      detectors.put(
          layer,
          after(
              steps,
              StitchingStages.detector(layer),
              trained.get(layer.model()),
              model -> stitching.trainDetector(run, data, classes, layer, model, spec.ood())));
    }

    List<Promise<StitchResult>> stitches = new ArrayList<>();
    List<Promise<SimilarityResult>> similarities = new ArrayList<>();
    for (int i = 0; i < spec.pairs().size(); i++) {
      StitchPair pair = spec.pairs().get(i);
      Promise<TrainedBackbone> f = trained.get(pair.front());
      Promise<TrainedBackbone> g = trained.get(pair.end());
      Promise<OodDetector> detector =
          detectors.getOrDefault(
              new LayerRef(pair.end(), pair.endLayer()), Workflow.newPromise(null));
      stitches.add(
          after(
              steps,
              StitchingStages.stitch(i, pair),
              Promise.allOf(f, g, detector),
              ignored ->
                  stitching.stitch(
                      run, data, classes, pair, f.get(), g.get(), spec.stitch(), detector.get())));
      similarities.add(
          after(
              steps,
              StitchingStages.similarity(i, pair),
              Promise.allOf(f, g),
              ignored ->
                  stitching.similarity(
                      run, data, classes, pair, f.get(), g.get(), spec.analysis())));
    }

    List<Promise<ProbeResult>> probes = new ArrayList<>();
    for (LayerRef layer : spec.analysis().probes()) {
      probes.add(
          after(
              steps,
              StitchingStages.probe(layer),
              trained.get(layer.model()),
              model -> stitching.probe(run, data, classes, layer, model, spec.analysis())));
    }

    List<StitchResult> stitched = stitches.stream().map(Promise::get).toList();
    List<ProbeResult> probed = probes.stream().map(Promise::get).toList();
    var plot = steps.start(StitchingStages.PLOT, () -> stitching.plot(run, probed, stitched)).get();
    return record.finish(
        run,
        new StitchingResult(
            spec.models().stream().map(m -> trained.get(m.name()).get()).toList(),
            stitched,
            probed,
            similarities.stream().map(Promise::get).toList(),
            StitchingStages.detectorLayers(spec).stream().map(l -> detectors.get(l).get()).toList(),
            plot.artifact(),
            steps.cached(),
            steps.total()));
  }

  @Override
  public PipelineProgress progress() {
    return tracker.snapshot();
  }

  /** Starts {@code step} as {@code stage} once {@code input} is ready. */
  private static <I, T extends StepOutcome> Promise<T> after(
      Steps steps, String stage, Promise<I> input, Function<I, T> step) {
    return input.thenCompose(value -> steps.start(stage, () -> step.apply(value)));
  }
}
