package dev.repflow.worker.cli;

import dev.repflow.common.StageStatus;
import dev.repflow.reports.RunTimings;
import dev.repflow.worker.report.TextTable;
import dev.repflow.worker.runs.RunCatalog;
import dev.repflow.worker.runs.RunStatus;
import dev.repflow.worker.runs.RunSummary;
import dev.repflow.worker.runtime.TemporalConnection;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code repflow status ID}: where a run is, or its results once it finished; for runs started by
 * repflow or by any other client ({@code temporal workflow start}).
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Shows a run's stages while it runs, its results when it is done.")
public final class StatusCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private TemporalOptions temporal;
  @Mixin private OutputOptions output;

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID")
  private String workflowId;

  @Option(
      names = "--follow",
      description = "While the run is going, show its progress until it closes, then its result.")
  private boolean follow;

  @Override
  public Integer call() throws InterruptedException {
    if (temporal.embedded()) {
      throw new UsageException(
          "status needs --temporal (or TEMPORAL_ADDRESS): an embedded server lives only as long"
              + " as the `repflow run` that started it; `repflow report ID` reads stored reports");
    }
    boolean json = output.json();
    PrintWriter out = spec.commandLine().getOut();
    try (TemporalConnection connection =
        TemporalConnection.connect(temporal.settings(), List.of())) {
      RunCatalog catalog = new RunCatalog(connection, Pipelines.workflowTypes());
      RunSummary run = find(catalog);
      if (follow && run.running()) {
        WorkflowStub stub = connection.client().newUntypedWorkflowStub(workflowId);
        try {
          new ProgressMonitor(connection, spec.commandLine().getErr()).await(stub, Object.class);
        } catch (WorkflowFailedException closedWithFailure) {
          // Reported below like any failed run.
        }
        run = find(catalog);
      }
      RunStatus status = catalog.status(workflowId, true);
      if (json) {
        output.printJson(out, status);
      } else {
        printText(out, connection, catalog, status);
      }
      return status.run().running() || status.run().status().equals("COMPLETED")
          ? 0
          : RepflowCli.EXIT_FAILURE;
    }
  }

  private RunSummary find(RunCatalog catalog) {
    return catalog
        .find(workflowId)
        .orElseThrow(
            () ->
                new UsageException(
                    "no run with workflow id "
                        + workflowId
                        + " on "
                        + temporal.settings().address().orElse("?")
                        + " (namespace "
                        + temporal.namespace()
                        + ")"));
  }

  private void printText(
      PrintWriter out, TemporalConnection connection, RunCatalog catalog, RunStatus status) {
    RunSummary run = status.run();
    out.println(workflowId + ": " + run.status());
    if (run.pipeline() != null) {
      out.println("  " + run.workflowType() + ", experiment " + run.experiment());
    }
    switch (run.status()) {
      case "RUNNING" -> printStages(out, status);
      case "COMPLETED" -> printResult(out, connection, catalog, run);
      default -> {
        if (status.failure() != null) {
          out.println(status.failure());
        }
      }
    }
    out.flush();
  }

  private static void printStages(PrintWriter out, RunStatus status) {
    if (status.stages().isEmpty()) {
      out.println("  (no worker answered the progress query)");
      return;
    }
    TextTable table = new TextTable("stage", "state", "detail");
    for (StageStatus s : status.stages()) {
      table.row(s.stage(), s.state().name().toLowerCase(Locale.ROOT), s.detail());
    }
    table.print(out);
  }

  private void printResult(
      PrintWriter out, TemporalConnection connection, RunCatalog catalog, RunSummary run) {
    Pipeline<?, ?> pipeline =
        Pipelines.byWorkflowType(run.workflowType())
            .orElseThrow(
                () ->
                    new UsageException(
                        workflowId + " is a " + run.workflowType() + ", not a repflow pipeline"));
    Object result =
        connection.client().newUntypedWorkflowStub(workflowId).getResult(pipeline.resultType());
    Object input = catalog.input(workflowId, pipeline.specType());
    RunTimings timings = RunTimings.of(connection.client().fetchHistory(workflowId));
    pipeline.printResult(out, workflowId, input, result, timings);
    if (run.report() != null) {
      out.println("Report    " + run.report() + "  (repflow report " + workflowId + ")");
    }
  }
}
