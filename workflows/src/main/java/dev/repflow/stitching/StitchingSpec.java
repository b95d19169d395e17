package dev.repflow.stitching;

import dev.repflow.artifacts.RunContext;
import dev.repflow.common.PipelineSpec;
import dev.repflow.data.ClassSubset;
import dev.repflow.data.DatasetSpec;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.TrainSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Input of {@link StitchingWorkflow}: train some networks, stitch pairs of their layers, probe and
 * compare their representations at ranks, check stitched activations with energy OOD detectors.
 *
 * <p>Field names are the config keys (YAML) and the JSON keys for {@code temporal workflow start}.
 *
 * @param classes classes every network is trained on; stitched networks are evaluated on them
 * @param models the trained networks, referred to by name in {@code pairs} and {@code analysis}
 * @param pairs (front layer of f, end layer of g) pairs to stitch
 */
public record StitchingSpec(
    String pipeline,
    String experiment,
    DatasetSpec dataset,
    List<Integer> classes,
    Pretrain pretrain,
    List<NamedModel> models,
    List<StitchPair> pairs,
    StitchSettings stitch,
    AnalysisSettings analysis,
    OodSettings ood,
    Boolean useCache)
    implements PipelineSpec {
  public static final String PIPELINE = "stitching";

  public StitchingSpec {
    pipeline = PipelineSpec.requirePipeline(pipeline, PIPELINE);
    experiment = RunContext.requireExperiment(experiment);
    dataset = dataset == null ? DatasetSpec.defaults() : dataset;
    classes = ClassSubset.orAll("classes", classes, dataset.classCount());
    if (pretrain == null) {
      throw new IllegalArgumentException("pretrain: section is required");
    }
    if (models == null || models.isEmpty()) {
      throw new IllegalArgumentException("models: list at least one model");
    }
    Set<String> names = new HashSet<>();
    for (NamedModel m : models) {
      if (!names.add(m.name())) {
        throw new IllegalArgumentException("models: duplicate name '" + m.name() + "'");
      }
    }
    pairs = pairs == null ? List.of() : List.copyOf(pairs);
    for (int i = 0; i < pairs.size(); i++) {
      requireModel("pairs[" + i + "].front", pairs.get(i).front(), names);
      requireModel("pairs[" + i + "].end", pairs.get(i).end(), names);
    }
    stitch = stitch == null ? new StitchSettings(0, null, null) : stitch;
    analysis = analysis == null ? new AnalysisSettings(0, null, null) : analysis;
    for (LayerRef layer : analysis.probes()) {
      requireModel("analysis.probes", layer.model(), names);
    }
    ood = ood == null ? new OodSettings(null, null, null, 0, 0, 0, null, null, null, 0, 0) : ood;
    ood =
        ood.withSources(
            idDisjoint("ood.exposure.classes", ood.exposure(), classes, dataset.classCount()),
            idDisjoint("ood.test.classes", ood.test(), classes, dataset.classCount()));
    useCache = useCache == null ? Boolean.TRUE : useCache;
  }

  /** {@code source} with its classes validated; they must not be in-distribution classes. */
  private static OutlierSource idDisjoint(
      String key, OutlierSource source, List<Integer> classes, int numClasses) {
    if (source.classes().isEmpty()) {
      return source;
    }
    List<Integer> ids = ClassSubset.validate(key, source.classes(), numClasses);
    List<Integer> shared = ids.stream().filter(classes::contains).toList();
    if (!shared.isEmpty()) {
      throw new IllegalArgumentException(
          key + " " + ids + " overlap classes " + classes + " (shared: " + shared + ")");
    }
    return new OutlierSource(ids, null);
  }

  private static void requireModel(String key, String name, Set<String> names) {
    if (!names.contains(name)) {
      throw new IllegalArgumentException(
          key + ": unknown model '" + name + "' (models: " + names + ")");
    }
  }

  /** The model called {@code name}. */
  public NamedModel model(String name) {
    return models.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  @Override
  public StitchingSpec withUseCache(boolean on) {
    return new StitchingSpec(
        pipeline, experiment, dataset, classes, pretrain, models, pairs, stitch, analysis, ood, on);
  }

  @Override
  public String modelLabel() {
    return models.get(0).model().label();
  }

  /** Training budget shared by all models; each model brings its own seed. */
  public record Pretrain(int epochs, int batchSize, double learningRate) {
    public Pretrain {
      new TrainSpec(epochs, batchSize, learningRate, 0); // validates the numbers
    }

    public TrainSpec train(long seed) {
      return new TrainSpec(epochs, batchSize, learningRate, seed);
    }
  }

  /**
   * A network to train (or reuse from the cache).
   *
   * @param name how pairs and probes refer to it, e.g. {@code A}
   * @param seed weight init and shuffling
   */
  public record NamedModel(String name, ModelSpec model, long seed) {
    public NamedModel {
      if (name == null || !name.matches("[A-Za-z0-9_-]{1,32}")) {
        throw new IllegalArgumentException(
            "models[].name must be 1-32 letters, digits, '_' or '-', got " + name);
      }
      model = model == null ? new ModelSpec(null, 0, 0) : model;
    }
  }
}
