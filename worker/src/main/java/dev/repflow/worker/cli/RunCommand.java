package dev.repflow.worker.cli;

import dev.repflow.common.PipelineSpec;
import dev.repflow.common.TaskQueues;
import dev.repflow.data.DataRoots;
import dev.repflow.plugin.StepMemory;
import dev.repflow.reports.RunTimings;
import dev.repflow.reports.StepTimings;
import dev.repflow.worker.config.ConfigWarnings;
import dev.repflow.worker.config.Preflight;
import dev.repflow.worker.runs.RunCatalog;
import dev.repflow.worker.runs.RunSummary;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code repflow run CONFIG}: validate, start the pipeline, show progress, print the results. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a pipeline config and waits for its result.",
      "Without --temporal/--s3-endpoint everything runs in this process: an embedded Temporal"
          + " server, an embedded S3 (objects kept in --data-dir, so re-runs reuse finished"
          + " steps) and a worker."
    })
public final class RunCommand implements Callable<Integer> {
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  @Spec private CommandSpec spec;
  @Mixin private TemporalOptions temporal;
  @Mixin private S3Options s3;
  @Mixin private NumericsOptions numerics;
  @Mixin private OutputOptions output;
  @Mixin private DataRootOptions dataRoots;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "Pipeline config (YAML).")
  private Path config;

  @Option(names = "--no-cache", description = "Recompute every step, even ones already stored.")
  private boolean noCache;

  @Option(
      names = "--no-worker",
      description = "Start no worker here: workers on the cluster run the steps.")
  private boolean noWorker;

  @Option(names = "--workflow-id", description = "Workflow id (default: <experiment>-<time>).")
  private String workflowId;

  @Option(
      names = "--detach",
      description =
          "Print the workflow id and exit (with -o json only the id, as JSON); follow it with"
              + " `repflow status ID`.")
  private boolean detach;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Pipelines.Loaded loaded = Pipelines.load(config);
    RunPlan plan = RunPlan.of(config, loaded, loaded.spec().withUseCache(!noCache));
    PipelineSpec spec = plan.spec();
    ConfigWarnings.of(spec).forEach(w -> err.println("warning: " + w));
    if (detach && (temporal.embedded() || !noWorker)) {
      throw new UsageException(
          "--detach needs a Temporal server and workers that outlive this process:"
              + " pass --temporal and --no-worker");
    }
    // The worker started here may read files under its roots and the config's own folder.
    DataRoots roots = dataRoots.rootsWith(config.toAbsolutePath().getParent());
    if (!noWorker) {
      Preflight.check(config, spec, roots);
    }
    try (RepflowRuntime runtime = RepflowRuntime.start(temporal, s3, numerics.profile(), roots)) {
      if (!noWorker) {
        runtime.startWorker(Set.of(TaskQueues.CPU, TaskQueues.GPU));
      }
      String id =
          workflowId != null
              ? workflowId
              : spec.experiment() + "-" + LocalDateTime.now().format(ID_TIME);
      Pipeline<?, ?> pipeline = plan.pipeline();
      WorkflowStub stub = PipelineStarter.start(runtime, id, plan, config);
      if (output.json() && detach) {
        output.printJson(out, Map.of("workflowId", id));
        return 0;
      }
      (output.json() ? err : out)
          .println(
              "Started "
                  + pipeline.workflowType()
                  + " "
                  + id
                  + " (artifacts: "
                  + runtime.s3Location()
                  + ")");
      out.flush();
      if (detach) {
        return 0;
      }
      Object result =
          new ProgressMonitor(runtime.connection(), err).await(stub, pipeline.resultType());
      RunCatalog catalog = new RunCatalog(runtime.connection(), Pipelines.workflowTypes());
      if (output.json()) {
        output.printJson(out, catalog.status(id, true));
        return 0;
      }
      WorkflowExecutionHistory history = runtime.client().fetchHistory(id);
      pipeline.printResult(out, id, plan.input(), result, RunTimings.of(history));
      Map<String, String> steps = StepTimings.summaries(history);
      StepMemory memory = StepMemory.ofThisProcess();
      memory
          .largest(id)
          .ifPresent(
              peak ->
                  out.println(
                      memoryLine(peak.peakRssBytes(), memory.mostAdded(id).orElseThrow(), steps)));
      catalog.find(id).map(RunSummary::report).ifPresent(uri -> out.println("Report    " + uri));
      return 0;
    }
  }

  /**
   * The process's peak (what a worker for this config must be sized for) and the step that added
   * most to it: a step that starts high found memory that earlier steps left behind, so the step
   * with the highest peak is not always the one that needed it.
   *
   * @param steps step names by activity id (a sweep point's steps are not in the parent's history:
   *     those show their activity type)
   */
  static String memoryLine(
      long processPeakBytes, StepMemory.Peak mostAdded, Map<String, String> steps) {
    return String.format(
        Locale.ROOT,
        "Memory    peak RSS %,d MiB (this process); step %s added most: %,d -> %,d MiB, %s",
        processPeakBytes >> 20,
        steps.getOrDefault(mostAdded.activityId(), mostAdded.activityType()),
        mostAdded.startRssBytes() >> 20,
        mostAdded.peakRssBytes() >> 20,
        mostAdded.overlapping() == 0
            ? "which ran alone"
            : String.format(
                Locale.ROOT,
                "with %d other step%s beside it",
                mostAdded.overlapping(),
                mostAdded.overlapping() == 1 ? "" : "s"));
  }
}
