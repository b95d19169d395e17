package dev.repflow.transfer;

import dev.repflow.artifacts.RunContext;
import dev.repflow.common.PipelineSpec;
import dev.repflow.data.ClassSubset;
import dev.repflow.data.DatasetSpec;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.PretrainSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Input of {@link TransferEvalWorkflow}: pretrain a backbone on some classes, evaluate its frozen
 * embeddings by kNN on the others.
 *
 * <p>Field names are the config keys (YAML) and the JSON keys for {@code temporal workflow start}.
 *
 * @param pipeline always {@value #PIPELINE}; selects this workflow from a config
 * @param experiment names the run; first segment of every artifact key
 * @param useCache false recomputes every step ({@code --no-cache})
 */
public record TransferEvalSpec(
    String pipeline,
    String experiment,
    DatasetSpec dataset,
    ModelSpec model,
    PretrainSpec pretrain,
    Evaluate evaluate,
    Boolean useCache)
    implements PipelineSpec {
  public static final String PIPELINE = "transfer";

  public TransferEvalSpec {
    pipeline = PipelineSpec.requirePipeline(pipeline, PIPELINE);
    experiment = RunContext.requireExperiment(experiment);
    dataset = dataset == null ? DatasetSpec.defaults() : dataset;
    model = model == null ? new ModelSpec(null, 0, 0) : model;
    if (pretrain == null) {
      throw new IllegalArgumentException("pretrain: section is required");
    }
    if (evaluate == null) {
      throw new IllegalArgumentException("evaluate: section is required");
    }
    useCache = useCache == null ? Boolean.TRUE : useCache;
    int numClasses = dataset.classCount();
    pretrain = pretrain.validated(numClasses);
    evaluate =
        evaluate.withClasses(ClassSubset.orAll("evaluate.classes", evaluate.classes(), numClasses));
  }

  /**
   * Classes both pretrained on and evaluated on. Allowed (it measures in-distribution transfer) but
   * usually a config slip, so the CLI warns about it.
   */
  public List<Integer> overlappingClasses() {
    List<Integer> overlap = new ArrayList<>(pretrain.classes());
    overlap.retainAll(evaluate.classes());
    return overlap;
  }

  @Override
  public TransferEvalSpec withUseCache(boolean on) {
    return new TransferEvalSpec(pipeline, experiment, dataset, model, pretrain, evaluate, on);
  }

  @Override
  public String modelLabel() {
    return model.label();
  }

  /**
   * Evaluation on held-out classes.
   *
   * @param classes class ids of the downstream task (train split = kNN memory, test = queries);
   *     left out: every class
   * @param k neighbours, default 20
   * @param pixelBaseline also evaluate raw pixels, default true
   */
  public record Evaluate(List<Integer> classes, int k, Boolean pixelBaseline) {

    public Evaluate {
      k = k == 0 ? 20 : k;
      if (k < 1) {
        throw new IllegalArgumentException("evaluate.k must be positive, got " + k);
      }
      pixelBaseline = pixelBaseline == null ? Boolean.TRUE : pixelBaseline;
    }

    Evaluate withClasses(List<Integer> ids) {
      return new Evaluate(ids, k, pixelBaseline);
    }
  }
}
