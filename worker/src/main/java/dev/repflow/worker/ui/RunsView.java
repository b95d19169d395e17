package dev.repflow.worker.ui;

import dev.repflow.common.PipelineProgress;
import dev.repflow.common.StepProgress;
import dev.repflow.reports.RunDocument;
import dev.repflow.worker.runs.RunCatalog;
import dev.repflow.worker.runs.RunSummary;
import dev.repflow.worker.runs.StoredReports;
import io.temporal.api.common.v1.WorkflowExecution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the browser shows, from both sources: the Temporal server (runs it knows, live progress) and
 * the reports stored in S3 (finished runs, also those the server has forgotten).
 */
final class RunsView {
  static final int LIST_LIMIT = 100;

  private final RunCatalog temporal;
  private final StoredReports stored;

  /**
   * @param temporal null when no Temporal server is configured
   */
  RunsView(RunCatalog temporal, StoredReports stored) {
    this.temporal = temporal;
    this.stored = stored;
  }

  /** Runs the server knows (newest first), then stored ones it does not know. */
  List<RunSummary> runs() {
    List<RunSummary> runs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (temporal != null) {
      for (RunSummary r : temporal.list(LIST_LIMIT)) {
        runs.add(r);
        seen.add(r.workflowId());
      }
    }
    stored.list().stream().filter(r -> !seen.contains(r.workflowId())).forEach(runs::add);
    return runs;
  }

  /** The run as the server knows it, else as its stored report describes it. */
  Optional<RunSummary> run(String workflowId) {
    Optional<RunSummary> known = temporal == null ? Optional.empty() : temporal.find(workflowId);
    return known.or(
        () -> stored.list().stream().filter(r -> r.workflowId().equals(workflowId)).findFirst());
  }

  /** Stages of a running run, when a worker answers quickly. */
  Optional<PipelineProgress> progress(String workflowId) {
    return temporal == null ? Optional.empty() : temporal.progress(workflowId, 3);
  }

  /** What the run's running steps last reported (epoch, batch, loss), one line each. */
  List<String> heartbeats(RunSummary run) {
    if (temporal == null) {
      return List.of();
    }
    var execution =
        WorkflowExecution.newBuilder()
            .setWorkflowId(run.workflowId())
            .setRunId(run.runId())
            .build();
    return temporal.heartbeats(execution).values().stream().map(StepProgress::describe).toList();
  }

  /** The run's report data, once it wrote its report. */
  Optional<RunDocument> document(RunSummary run) {
    return run.experiment() != null
        ? stored.document(run.experiment(), run.workflowId())
        : stored.document(run.workflowId());
  }

  /** A file of the run's report folder, e.g. a plot's SVG. */
  Optional<String> reportFile(RunDocument doc, String name) {
    return stored.file(doc.experiment(), doc.workflowId(), name);
  }

  /** The run's failure, when it failed. */
  Optional<String> failure(RunSummary run) {
    if (temporal == null || run.running() || run.status().equals("COMPLETED")) {
      return Optional.empty();
    }
    return Optional.ofNullable(temporal.status(run.workflowId(), true).failure());
  }
}
