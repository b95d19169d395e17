package dev.repflow.common;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.workflow.WorkflowThreadLocal;

/**
 * Gives every activity a step calls a summary (shown in the Temporal web UI's event list instead of
 * 54 identical {@code infer} rows): the text {@link Steps} set for the workflow thread that runs
 * the step.
 *
 * <p>A worker interceptor, because activity stubs are built once per workflow while the summary
 * changes per call. Register it on the worker factory ({@code RepflowPlugin} does). Summaries are
 * user metadata: they are not compared on replay, so adding them changes no history's replay.
 */
public final class ActivitySummaries extends WorkerInterceptorBase {
  private static final WorkflowThreadLocal<String> CURRENT =
      WorkflowThreadLocal.withCachedInitial(() -> null);

  /** Sets the summary for activities scheduled from the calling workflow thread from now on. */
  static void set(String summary) {
    CURRENT.set(summary);
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public void init(WorkflowOutboundCallsInterceptor outbound) {
        super.init(new Outbound(outbound));
      }
    };
  }

  private static final class Outbound extends WorkflowOutboundCallsInterceptorBase {
    Outbound(WorkflowOutboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
      String summary = CURRENT.get();
      if (summary == null || input.getOptions().getSummary() != null) {
        return super.executeActivity(input);
      }
      return super.executeActivity(
          new ActivityInput<>(
              input.getActivityName(),
              input.getResultClass(),
              input.getResultType(),
              input.getArgs(),
              ActivityOptions.newBuilder(input.getOptions()).setSummary(summary).build(),
              input.getHeader()));
    }
  }
}
