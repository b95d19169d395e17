package dev.repflow.worker.cli;

import dev.repflow.common.PipelineProgress;
import dev.repflow.common.StageStatus;
import dev.repflow.worker.runs.RunCatalog;
import dev.repflow.worker.runtime.TemporalConnection;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a workflow's result while printing its progress: stage changes from the {@code
 * progress} query, and what running activities report in their heartbeats (epoch, batch, loss).
 */
final class ProgressMonitor {
  private static final long POLL_MILLIS = 1000;
  private static final long HEARTBEAT_PRINT_MILLIS = 5000;

  private final RunCatalog catalog;
  private final PrintWriter out;
  private final Map<String, StageStatus.State> stageStates = new HashMap<>();
  private final Map<String, String> lastHeartbeat = new HashMap<>();
  private final Map<String, Long> lastHeartbeatPrinted = new HashMap<>();
  private long startNanos;

  ProgressMonitor(TemporalConnection connection, PrintWriter out) {
    this.catalog = new RunCatalog(connection, Pipelines.workflowTypes());
    this.out = out;
  }

  /** Blocks until the workflow closes; returns its result or throws its failure. */
  <R> R await(WorkflowStub stub, Class<R> resultType) throws InterruptedException {
    startNanos = System.nanoTime();
    CompletableFuture<R> result = stub.getResultAsync(resultType);
    while (true) {
      try {
        R value = result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        printStages(stub); // the last transitions happened between two polls
        return value;
      } catch (TimeoutException stillRunning) {
        printStages(stub);
        printHeartbeats(stub);
      } catch (ExecutionException e) {
        printStages(stub);
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      }
    }
  }

  private void printStages(WorkflowStub stub) {
    PipelineProgress progress;
    try {
      progress = stub.query("progress", PipelineProgress.class);
    } catch (RuntimeException notYetQueryable) {
      return; // the first workflow task has not run yet, or the run just closed
    }
    for (StageStatus stage : progress.stages()) {
      if (stageStates.put(stage.stage(), stage.state()) != stage.state()
          && stage.state() != StageStatus.State.PENDING) {
        String word =
            switch (stage.state()) {
              case CACHED -> "reused from cache";
              case RUNNING -> "running";
              case DONE -> "done";
              case FAILED -> "FAILED";
              case PENDING -> "pending";
            };
        line(
            String.format(Locale.ROOT, "%-16s %-17s %s", stage.stage(), word, stage.detail())
                .strip());
      }
    }
  }

  private void printHeartbeats(WorkflowStub stub) {
    long now = System.nanoTime() / 1_000_000;
    catalog
        .heartbeats(stub.getExecution())
        .forEach(
            (id, progress) -> {
              String text = progress.describe();
              boolean changed = !text.equals(lastHeartbeat.put(id, text));
              if (changed
                  && now - lastHeartbeatPrinted.getOrDefault(id, 0L) >= HEARTBEAT_PRINT_MILLIS) {
                lastHeartbeatPrinted.put(id, now);
                line("  " + text);
              }
            });
  }

  private void line(String text) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    out.printf(Locale.ROOT, "[%7.1fs] %s%n", seconds, text);
    out.flush();
  }
}
