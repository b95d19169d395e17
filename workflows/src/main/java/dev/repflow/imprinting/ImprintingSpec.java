package dev.repflow.imprinting;

import dev.repflow.artifacts.RunContext;
import dev.repflow.common.PipelineSpec;
import dev.repflow.data.ClassSubset;
import dev.repflow.data.DatasetSpec;
import dev.repflow.models.ModelSpec;
import dev.repflow.transfer.TransferEvalSpec.Pretrain;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Input of {@link ImprintingWorkflow}: pretrain (cached), embed the downstream classes, run the
 * grid of imprinting configs on every task.
 *
 * @param classes downstream classes to embed; default all classes not pretrained on
 * @param tasks tasks cut from those classes; default one task with all of them
 * @param grid values per component; the runs are their cartesian product
 * @param batchSize runs per activity, default 50
 * @param parallelism batches in flight at once, default 4
 */
public record ImprintingSpec(
    String pipeline,
    String experiment,
    DatasetSpec dataset,
    ModelSpec model,
    Pretrain pretrain,
    List<Integer> classes,
    List<ImprintTask> tasks,
    GridSpec grid,
    int batchSize,
    int parallelism,
    CdSpec cd,
    Boolean useCache)
    implements PipelineSpec {
  public static final String PIPELINE = "imprinting";

  public ImprintingSpec {
    pipeline = PipelineSpec.requirePipeline(pipeline, PIPELINE);
    experiment = RunContext.requireExperiment(experiment);
    dataset = dataset == null ? new DatasetSpec(null, null, null, null) : dataset;
    model = model == null ? new ModelSpec(null, 0, 0) : model;
    if (pretrain == null) {
      throw new IllegalArgumentException("pretrain: section is required");
    }
    int n = dataset.numClasses();
    pretrain = pretrain.validated(n);
    List<Integer> pretrained = pretrain.classes();
    classes =
        classes == null
            ? IntStream.range(0, n).filter(c -> !pretrained.contains(c)).boxed().toList()
            : ClassSubset.validate("classes", classes, n);
    tasks =
        tasks == null || tasks.isEmpty()
            ? List.of(new ImprintTask("all", classes, 0))
            : List.copyOf(tasks);
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
        on);
  }

  @Override
  public String modelLabel() {
    return model.label();
  }
}
