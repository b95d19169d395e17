package dev.repflow.common;

import io.temporal.common.converter.DataConverterException;
import io.temporal.worker.WorkflowImplementationOptions;

/** How repflow's workflow implementations are registered on a worker. */
public final class WorkflowPresets {
  private WorkflowPresets() {}

  /**
   * Fails the run, instead of retrying its workflow task forever, when the input cannot be read
   * into a spec (e.g. JSON from {@code temporal workflow start} naming an unknown class): the
   * spec's validation message then shows as the run's failure. Invalid input never gets better by
   * replaying it.
   */
  public static WorkflowImplementationOptions implementationOptions() {
    return WorkflowImplementationOptions.newBuilder()
        .setFailWorkflowExceptionTypes(DataConverterException.class)
        .build();
  }
}
