package dev.repflow.worker.cli;

import dev.repflow.common.PipelineProgress;
import dev.repflow.common.PipelineSpec;
import dev.repflow.common.StageStatus;
import dev.repflow.worker.config.JsonSpecs;
import dev.repflow.worker.report.RunTimings;
import dev.repflow.worker.report.TextTable;
import dev.repflow.worker.runtime.TemporalConnection;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowTargetOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code repflow status ID}: where a run is, or its results once it finished. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Shows a run's stages while it runs, its results when it is done.")
public final class StatusCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private TemporalOptions temporal;

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID")
  private String workflowId;

  @Override
  public Integer call() {
    if (temporal.embedded()) {
      throw new UsageException(
          "status needs --temporal (or TEMPORAL_ADDRESS): an embedded server lives only as long"
              + " as the `repflow run` that started it");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (TemporalConnection connection =
        TemporalConnection.connect(temporal.settings(), List.of())) {
      WorkflowStub stub =
          connection
              .client()
              .newUntypedWorkflowStub(
                  WorkflowTargetOptions.newBuilder().setWorkflowId(workflowId).build());
      WorkflowExecutionStatus status = stub.describe().getStatus();
      out.println(workflowId + ": " + status.name().replace("WORKFLOW_EXECUTION_STATUS_", ""));
      switch (status) {
        case WORKFLOW_EXECUTION_STATUS_RUNNING -> printStages(out, stub);
        case WORKFLOW_EXECUTION_STATUS_COMPLETED -> printResult(out, connection, stub);
        case WORKFLOW_EXECUTION_STATUS_FAILED -> {
          try {
            stub.getResult(Object.class);
          } catch (WorkflowFailedException e) {
            out.println(Failures.describe(e));
          }
          return RepflowCli.EXIT_FAILURE;
        }
        default -> {
          return RepflowCli.EXIT_FAILURE;
        }
      }
      out.flush();
      return 0;
    }
  }

  private static void printStages(PrintWriter out, WorkflowStub stub) {
    PipelineProgress progress = stub.query("progress", PipelineProgress.class);
    TextTable table = new TextTable("stage", "state", "detail");
    for (StageStatus s : progress.stages()) {
      table.row(s.stage(), s.state().name().toLowerCase(java.util.Locale.ROOT), s.detail());
    }
    table.print(out);
  }

  private static void printResult(
      PrintWriter out, TemporalConnection connection, WorkflowStub stub) {
    var description = stub.describe();
    String type = description.getWorkflowType();
    Pipeline<?, ?> pipeline =
        Pipelines.byWorkflowType(type)
            .orElseThrow(
                () ->
                    new UsageException(
                        workflowIdOf(stub) + " is a " + type + ", not a repflow pipeline"));
    Object result = stub.getResult(pipeline.resultType());
    String specJson = description.getMemo("spec", String.class, String.class);
    PipelineSpec spec = JsonSpecs.fromJson(specJson, pipeline.specType());
    RunTimings timings = RunTimings.of(connection.client().fetchHistory(workflowIdOf(stub)));
    pipeline.printResult(out, workflowIdOf(stub), spec, result, timings);
  }

  private static String workflowIdOf(WorkflowStub stub) {
    return stub.getExecution().getWorkflowId();
  }
}
