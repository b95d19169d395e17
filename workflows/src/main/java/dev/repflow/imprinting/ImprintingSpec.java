package dev.repflow.imprinting;

import dev.repflow.artifacts.RunContext;
import dev.repflow.common.PipelineSpec;
import dev.repflow.data.ClassSubset;
import dev.repflow.data.DatasetSpec;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.PretrainSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Input of {@link ImprintingWorkflow}: pretrain (cached), embed the downstream classes, run the
 * grid of imprinting configs on every task.
 *
 * @param classes downstream classes to embed; default all classes not pretrained on (all classes
 *     when pretraining saw every class or a TorchScript backbone is used)
 * @param tasks tasks cut from those classes; default one task with all of them
 * @param grid values per component; the runs are their cartesian product
 * @param batchSize runs per activity, default 50
 * @param parallelism batches in flight at once, default 4
 * @param torchscript folder with a user's backbone exported by {@code tools/fungi_export.py}; when
 *     set it embeds instead of the built-in {@code model}, and no pretraining runs
 */
public record ImprintingSpec(
    String pipeline,
    String experiment,
    DatasetSpec dataset,
    ModelSpec model,
    PretrainSpec pretrain,
    List<Integer> classes,
    List<ImprintTask> tasks,
    GridSpec grid,
    int batchSize,
    int parallelism,
    CdSpec cd,
    String torchscript,
    Boolean useCache)
    implements PipelineSpec {
  public static final String PIPELINE = "imprinting";

  public ImprintingSpec {
    pipeline = PipelineSpec.requirePipeline(pipeline, PIPELINE);
    experiment = RunContext.requireExperiment(experiment);
    dataset = dataset == null ? DatasetSpec.defaults() : dataset;
    model = model == null ? new ModelSpec(null, 0, 0) : model;
    torchscript = torchscript == null || torchscript.isBlank() ? null : torchscript;
    if (pretrain == null && torchscript == null) {
      throw new IllegalArgumentException("pretrain: section is required (or set torchscript)");
    }
    int n = dataset.classCount();
    pretrain = pretrain == null ? null : pretrain.validated(n);
    List<Integer> pretrained = pretrain == null ? List.of() : pretrain.classes();
    if (classes == null) {
      classes = IntStream.range(0, n).filter(c -> !pretrained.contains(c)).boxed().toList();
      classes = classes.isEmpty() ? ClassSubset.all(n) : classes;
    } else {
      classes = ClassSubset.validate("classes", classes, n);
    }
    List<Integer> embedded = classes;
    tasks =
        tasks == null || tasks.isEmpty()
            ? List.of(new ImprintTask("all", embedded, 0))
            : tasks.stream().map(t -> t.orClasses(embedded)).toList();
    var names = new HashSet<String>();
    for (ImprintTask t : tasks) {
      if (!names.add(t.name())) {
        throw new IllegalArgumentException("tasks: name '" + t.name() + "' is used twice");
      }
      if (!classes.containsAll(t.classes())) {
        throw new IllegalArgumentException(
            "tasks["
                + t.name()
                + "].classes "
                + t.classes()
                + " are not all in classes "
                + classes);
      }
    }
    grid =
        grid == null
            ? new GridSpec(null, null, null, null, null, null, null, null, null, null, null)
            : grid;
    batchSize = batchSize == 0 ? 50 : batchSize;
    parallelism = parallelism == 0 ? 4 : parallelism;
    if (batchSize < 1 || parallelism < 1) {
      throw new IllegalArgumentException("batchSize and parallelism must be positive");
    }
    cd = cd == null ? new CdSpec(null, 0) : cd;
    cd.compared(grid); // validates every grid value and the compared methods before anything runs
    useCache = useCache == null ? Boolean.TRUE : useCache;
  }

  @Override
  public ImprintingSpec withUseCache(boolean on) {
    return new ImprintingSpec(
        pipeline,
        experiment,
        dataset,
        model,
        pretrain,
        classes,
        tasks,
        grid,
        batchSize,
        parallelism,
        cd,
        torchscript,
        on);
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
