package dev.repflow.worker.cli;

import dev.repflow.common.PipelineSpec;
import dev.repflow.sweep.SweepSpec;
import dev.repflow.worker.config.SweepConfigs;
import java.nio.file.Path;

/**
 * What {@code repflow run} starts for a config: its pipeline, or a sweep over it when the config
 * has a {@code sweep:} section.
 *
 * @param pipeline what the workflow is started as and printed with ({@link Pipelines#SWEEP} for a
 *     sweep)
 * @param spec the pipeline's spec (the base spec of a sweep): memo labels, warnings, preflight
 * @param input the workflow's input: {@code spec}, or the {@link SweepSpec}
 */
record RunPlan(Pipeline<?, ?> pipeline, PipelineSpec spec, Object input) {

  /** The plan for a loaded config whose spec is {@code spec} (e.g. with the cache switched). */
  static RunPlan of(Path config, Pipelines.Loaded loaded, PipelineSpec spec) {
    if (loaded.sweep() == null) {
      return new RunPlan(loaded.pipeline(), spec, spec);
    }
    SweepSpec sweep = SweepConfigs.spec(config, spec, loaded.sweep(), loaded.pipeline().specType());
    return new RunPlan(Pipelines.SWEEP, spec, sweep);
  }

  /** One line for the web UI's run list, e.g. {@code transfer sweep over evaluate.k, 6 points}. */
  String summary() {
    if (input instanceof SweepSpec sweep) {
      var keys = new java.util.ArrayList<>(sweep.values().keySet());
      keys.addAll(sweep.seeds().keySet());
      return spec.pipeline()
          + " sweep over "
          + String.join(", ", keys)
          + ", experiment "
          + spec.experiment();
    }
    return spec.pipeline()
        + " run, experiment "
        + spec.experiment()
        + ", model "
        + spec.modelLabel();
  }
}
