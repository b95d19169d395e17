package dev.repflow.worker.runtime;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;

/**
 * Keeps the embedded test server from routing workflow tasks to a worker's sticky queue.
 *
 * <p>A worker that completes a workflow task asks the server to send that run's next task to its
 * own sticky queue. A real Temporal server gives the sticky queue a few seconds and then moves the
 * task to the normal queue, and forgets the sticky queue when the worker says it is shutting down.
 * The test server does neither: a worker that is killed, or that drains and exits, takes the run's
 * next workflow task with it and the run hangs. The SDK (1.38) has no switch to stop asking (a
 * workflow cache size of 0 means the default of 600), so the server drops the request here: every
 * workflow task goes to the normal queue with the full history, and any worker continues the run.
 * Workers against a real cluster keep sticky execution.
 */
final class NoStickyExecution implements ServerInterceptor {
  private static final String COMPLETED =
      WorkflowServiceGrpc.getRespondWorkflowTaskCompletedMethod().getFullMethodName();

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    ServerCall.Listener<ReqT> listener = next.startCall(call, headers);
    if (!COMPLETED.equals(call.getMethodDescriptor().getFullMethodName())) {
      return listener;
    }
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(ReqT message) {
        super.onMessage(withoutStickyAttributes(message));
      }
    };
  }

  @SuppressWarnings("unchecked") // ReqT is RespondWorkflowTaskCompletedRequest for this method
  private static <ReqT> ReqT withoutStickyAttributes(ReqT message) {
    return (ReqT)
        ((RespondWorkflowTaskCompletedRequest) message).toBuilder().clearStickyAttributes().build();
  }
}
