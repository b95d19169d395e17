package dev.repflow.worker.cli;

import dev.repflow.common.PipelineSpec;
import dev.repflow.reports.RunTimings;
import java.io.PrintWriter;

/**
 * One pipeline as the CLI sees it: its config type, its workflow, its result and how to print it.
 * Registered in {@link Pipelines}.
 *
 * @param name value of the config's {@code pipeline:} key
 * @param workflowType Temporal workflow type to start (task queue {@code repflow-cpu})
 * @param specType the config/spec record (a {@link PipelineSpec}, or a sweep over one)
 * @param resultType what the workflow returns
 * @param report prints a finished run for the terminal
 */
public record Pipeline<S, R>(
    String name, String workflowType, Class<S> specType, Class<R> resultType, Report<S, R> report) {

  /** Terminal rendering of a finished run. */
  @FunctionalInterface
  public interface Report<S, R> {
    void print(PrintWriter out, String workflowId, S spec, R result, RunTimings timings);
  }

  /** Prints {@code result}, which the caller read as {@link #resultType()}. */
  void printResult(
      PrintWriter out, String workflowId, Object spec, Object result, RunTimings timings) {
    report.print(out, workflowId, specType.cast(spec), resultType.cast(result), timings);
  }
}
