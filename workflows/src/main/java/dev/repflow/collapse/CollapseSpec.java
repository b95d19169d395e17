package dev.repflow.collapse;

import dev.repflow.artifacts.RunContext;
import dev.repflow.common.PipelineSpec;
import dev.repflow.data.ClassSubset;
import dev.repflow.data.DatasetSpec;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.PretrainSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Input of {@link CollapseWorkflow}: pretrain a backbone (cached, shared with the transfer
 * pipeline), embed its classes and some out-of-distribution classes, measure neural collapse.
 *
 * @param pipeline always {@value #PIPELINE}
 * @param experiment names the run; first segment of every artifact key
 * @param analysis what to measure; defaults: the pretraining classes, the rest as OOD
 * @param torchscript folder with a user's backbone exported by {@code tools/fungi_export.py}; when
 *     set it embeds instead of the built-in {@code model}, no pretraining runs, and the classifier
 *     is a fitted probe (there is no trained head)
 * @param useCache false recomputes every step
 */
public record CollapseSpec(
    String pipeline,
    String experiment,
    DatasetSpec dataset,
    ModelSpec model,
    PretrainSpec pretrain,
    Analysis analysis,
    String torchscript,
    Boolean useCache)
    implements PipelineSpec {
  public static final String PIPELINE = "collapse";

  public CollapseSpec {
    pipeline = PipelineSpec.requirePipeline(pipeline, PIPELINE);
    experiment = RunContext.requireExperiment(experiment);
    dataset = dataset == null ? DatasetSpec.defaults() : dataset;
    model = model == null ? new ModelSpec(null, 0, 0) : model;
    torchscript = torchscript == null || torchscript.isBlank() ? null : torchscript;
    if (pretrain == null && torchscript == null) {
      throw new IllegalArgumentException("pretrain: section is required (or set torchscript)");
    }
    int numClasses = dataset.classCount();
    pretrain = pretrain == null ? null : pretrain.validated(numClasses);
    List<Integer> pretrained = pretrain == null ? null : pretrain.classes();
    analysis = (analysis == null ? new Analysis(null, null, 0, 0, null, null) : analysis);
    analysis = analysis.resolve(pretrained, numClasses);
    useCache = useCache == null ? Boolean.TRUE : useCache;
  }

  @Override
  public CollapseSpec withUseCache(boolean on) {
    return new CollapseSpec(
        pipeline, experiment, dataset, model, pretrain, analysis, torchscript, on);
  }

  @Override
  public Map<String, String> localPaths() {
    return PipelineSpec.withTorchScript(dataset.localPaths(), torchscript);
  }

  @Override
  public String modelLabel() {
    return torchscript == null ? model.label() : "torchscript";
  }

  /**
   * @param classes classes whose train features are measured (NC1-3) and whose test features give
   *     NC4; default the pretraining classes
   * @param oodClasses classes whose test features are the OOD set of NC5; default all others, empty
   *     list = no NC5
   * @param shards shards per pass over a file, accumulated in parallel; default 4
   * @param tileSize block size of the pairwise kernels (memory {@code tile^2}); default 64
   * @param classifier NC3/NC4 classifier: {@code head} (the backbone's trained linear head; needs
   *     {@code classes} = the pretraining classes) or {@code probe} (fitted here); default head
   *     when the classes are the pretraining classes, else probe
   * @param probe linear probe settings (classifier probe)
   */
  public record Analysis(
      List<Integer> classes,
      List<Integer> oodClasses,
      int shards,
      int tileSize,
      String classifier,
      ProbeSpec probe) {
    public static final String HEAD = "head";
    public static final String PROBE = "probe";

    public Analysis {
      if (classifier != null && !classifier.equals(HEAD) && !classifier.equals(PROBE)) {
        throw new IllegalArgumentException(
            "analysis.classifier must be head or probe, got '" + classifier + "'");
      }
      shards = shards == 0 ? 4 : shards;
      tileSize = tileSize == 0 ? 64 : tileSize;
      probe = probe == null ? ProbeSpec.defaults() : probe;
      if (shards < 1 || shards > 256) {
        throw new IllegalArgumentException("analysis.shards must be in 1..256, got " + shards);
      }
      if (tileSize < 1) {
        throw new IllegalArgumentException("analysis.tileSize must be positive, got " + tileSize);
      }
    }

    /**
     * @param pretrained the pretraining classes, or null when a TorchScript backbone has no trained
     *     head (then every class is measured by default, with a probe)
     */
    Analysis resolve(List<Integer> pretrained, int numClasses) {
      List<Integer> measured =
          classes == null
              ? (pretrained == null ? ClassSubset.all(numClasses) : pretrained)
              : ClassSubset.validate("analysis.classes", classes, numClasses);
      if (measured.size() < 2) {
        throw new IllegalArgumentException("analysis.classes needs at least 2 classes");
      }
      List<Integer> ood =
          oodClasses == null
              ? IntStream.range(0, numClasses).filter(c -> !measured.contains(c)).boxed().toList()
              : oodClasses.isEmpty()
                  ? List.of()
                  : ClassSubset.validate("analysis.oodClasses", oodClasses, numClasses);
      String chosen =
          classifier == null ? (measured.equals(pretrained) ? HEAD : PROBE) : classifier;
      if (chosen.equals(HEAD) && pretrained == null) {
        throw new IllegalArgumentException(
            "analysis.classifier: head needs a pretrained backbone; a TorchScript backbone has no"
                + " trained head (use probe)");
      }
      if (chosen.equals(HEAD) && !measured.equals(pretrained)) {
        throw new IllegalArgumentException(
            "analysis.classifier: head needs analysis.classes = pretrain.classes "
                + pretrained
                + ", got "
                + measured
                + " (use probe)");
      }
      return new Analysis(measured, ood, shards, tileSize, chosen, probe);
    }
  }
}
