package dev.repflow.common;

import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.Arrays;
import java.util.Objects;

/**
 * Fails a repflow workflow at once when it was started without input (e.g. {@code temporal workflow
 * start} with no {@code --input}), instead of letting the first line that reads the spec throw a
 * NullPointerException that Temporal retries as a workflow task forever.
 *
 * <p>Input that is present but invalid never gets here: reading it runs the spec records'
 * validation, and {@link WorkflowPresets#implementationOptions()} fails the run with its message.
 * Workflows on other task queues (a shared worker) are left alone.
 */
public final class WorkflowInputGuard extends WorkerInterceptorBase {
  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public WorkflowOutput execute(WorkflowInput input) {
        var info = Workflow.getInfo();
        if (TaskQueues.CPU.equals(info.getTaskQueue())
            && Arrays.stream(input.getArguments()).anyMatch(Objects::isNull)) {
          throw ApplicationFailure.newNonRetryableFailure(
              info.getWorkflowType()
                  + " was started without input: pass the pipeline spec as JSON (`repflow spec"
                  + " CONFIG` prints it)",
              FailureTypes.INVALID_INPUT);
        }
        return super.execute(input);
      }
    };
  }
}
