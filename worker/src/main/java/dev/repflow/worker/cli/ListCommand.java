package dev.repflow.worker.cli;

import dev.repflow.worker.report.TextTable;
import dev.repflow.worker.runs.RunCatalog;
import dev.repflow.worker.runs.RunSummary;
import dev.repflow.worker.runs.StoredReports;
import dev.repflow.worker.runtime.TemporalConnection;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code repflow list}: recent runs on a Temporal server, or, without one, the runs whose reports
 * are stored in S3 (what is left of runs on the embedded server, which forgets them on exit).
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Lists recent runs: pipeline, experiment, status, stage and headline metric.",
      "With --temporal from the server; without it from the reports stored in S3."
    })
public final class ListCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private TemporalOptions temporal;
  @Mixin private S3Options s3;
  @Mixin private OutputOptions output;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "Runs to show, newest first (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new UsageException("--limit must be at least 1, got " + limit);
    }
    boolean json = output.json();
    List<RunSummary> runs = runs();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      output.printJson(out, runs);
      return 0;
    }
    TextTable table =
        new TextTable(
            "workflow id", "pipeline", "experiment", "status", "stage", "headline", "time");
    for (RunSummary r : runs) {
      table.row(
          r.workflowId(),
          r.workflowType().equals(Pipelines.SWEEP.workflowType())
              ? r.pipeline() + " (sweep)"
              : r.pipeline(),
          r.experiment(),
          r.status(),
          r.stage() == null ? "" : r.stage(),
          r.headlineText(),
          r.started() != null ? r.started() : r.closed());
    }
    table.print(out);
    return 0;
  }

  private List<RunSummary> runs() {
    if (temporal.embedded()) {
      try (StoreAccess access = StoreAccess.open(s3, true)) {
        List<RunSummary> stored = new StoredReports(access.store()).list();
        return stored.subList(0, Math.min(limit, stored.size()));
      }
    }
    try (TemporalConnection connection =
        TemporalConnection.connect(temporal.settings(), List.of())) {
      return new RunCatalog(connection, Pipelines.workflowTypes()).list(limit);
    }
  }
}
