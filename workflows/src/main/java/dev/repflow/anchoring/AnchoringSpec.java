package dev.repflow.anchoring;

import dev.repflow.artifacts.RunContext;
import dev.repflow.common.PipelineSpec;
import dev.repflow.data.DatasetSpec;
import dev.repflow.models.ModelSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * Input of {@link AnchoringWorkflow}: train a standard and anchored models, infer on corrupted test
 * sets, report accuracy and calibration per severity.
 *
 * <p>Field names are the config keys (YAML) and the JSON keys for {@code temporal workflow start}.
 *
 * @param pipeline always {@value #PIPELINE}
 * @param experiment names the run; first segment of every artifact key
 * @param useCache false recomputes every step ({@code --no-cache})
 */
public record AnchoringSpec(
    String pipeline,
    String experiment,
    DatasetSpec dataset,
    ModelSpec model,
    AnchorTraining train,
    CorruptionSpec corruptions,
    InferenceSpec inference,
    Boolean useCache)
    implements PipelineSpec {
  public static final String PIPELINE = "anchoring";

  public AnchoringSpec {
    pipeline = PipelineSpec.requirePipeline(pipeline, PIPELINE);
    experiment = RunContext.requireExperiment(experiment);
    dataset = dataset == null ? DatasetSpec.defaults() : dataset;
    model = model == null ? new ModelSpec(null, 0, 0) : model;
    if (train == null) {
      throw new IllegalArgumentException("train: section is required");
    }
    corruptions = corruptions == null ? new CorruptionSpec(null, null, null, null) : corruptions;
    inference = inference == null ? InferenceSpec.defaults() : inference;
    useCache = useCache == null ? Boolean.TRUE : useCache;
  }

  @Override
  public AnchoringSpec withUseCache(boolean on) {
    return new AnchoringSpec(
        pipeline, experiment, dataset, model, train, corruptions, inference, on);
  }

  @Override
  public Map<String, String> localPaths() {
    Map<String, String> paths = new TreeMap<>(dataset.localPaths());
    paths.putAll(corruptions.localPaths());
    return paths;
  }

  @Override
  public String modelLabel() {
    return model.label();
  }
}
