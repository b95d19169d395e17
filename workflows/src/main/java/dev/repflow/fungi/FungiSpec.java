package dev.repflow.fungi;

import dev.repflow.artifacts.RunContext;
import dev.repflow.common.PipelineSpec;
import dev.repflow.data.ClassSubset;
import dev.repflow.data.DatasetSpec;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.PretrainSpec;
import java.util.Map;

/**
 * Input of {@link FungiWorkflow}: pretrain a backbone, then evaluate its frozen embeddings
 * concatenated with projected self-supervised gradient features on held-out classes.
 *
 * <p>Field names are the config keys (YAML) and the JSON keys for {@code temporal workflow start}.
 *
 * @param pipeline always {@value #PIPELINE}
 * @param experiment names the run; first segment of every artifact key
 * @param pretrain supervised pretraining of the backbone (same section as the transfer pipeline)
 * @param gradients layer, objectives and projection
 * @param evaluate downstream classes and metrics
 * @param torchscript folder with a user's backbone exported by {@code tools/fungi_export.py}
 *     ({@code front.pt}, {@code layer.pt}, {@code tail.pt}); when set, it replaces the built-in
 *     {@code model} and no pretraining runs (the {@code pretrain} section may be left out)
 * @param useCache false recomputes every step ({@code --no-cache})
 */
public record FungiSpec(
    String pipeline,
    String experiment,
    DatasetSpec dataset,
    ModelSpec model,
    PretrainSpec pretrain,
    GradientSpec gradients,
    FungiEvalSpec evaluate,
    String torchscript,
    Boolean useCache)
    implements PipelineSpec {
  public static final String PIPELINE = "fungi";

  public FungiSpec {
    pipeline = PipelineSpec.requirePipeline(pipeline, PIPELINE);
    experiment = RunContext.requireExperiment(experiment);
    dataset = dataset == null ? DatasetSpec.defaults() : dataset;
    model = model == null ? new ModelSpec(null, 0, 0) : model;
    torchscript = torchscript == null || torchscript.isBlank() ? null : torchscript;
    if (pretrain == null && torchscript == null) {
      throw new IllegalArgumentException("pretrain: section is required (or set torchscript)");
    }
    if (evaluate == null) {
      throw new IllegalArgumentException("evaluate: section is required");
    }
    gradients = gradients == null ? GradientSpec.defaults() : gradients;
    useCache = useCache == null ? Boolean.TRUE : useCache;
    int numClasses = dataset.classCount();
    if (pretrain != null) {
      pretrain = pretrain.validated(numClasses);
    }
    evaluate =
        evaluate.withClasses(ClassSubset.orAll("evaluate.classes", evaluate.classes(), numClasses));
  }

  @Override
  public FungiSpec withUseCache(boolean on) {
    return new FungiSpec(
        pipeline, experiment, dataset, model, pretrain, gradients, evaluate, torchscript, on);
  }

  @Override
  public Map<String, String> localPaths() {
    return PipelineSpec.withTorchScript(dataset.localPaths(), torchscript);
  }

  @Override
  public String modelLabel() {
    return torchscript == null ? model.label() : "torchscript";
  }
}
