package dev.repflow.worker.runs;

import dev.repflow.worker.runtime.TemporalConnection;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.api.query.v1.WorkflowQuery;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.QueryWorkflowRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal service calls behind {@link RunCatalog}, each in the connection's namespace and
 * under a deadline, so a server that stops answering fails a lookup instead of hanging the CLI.
 */
final class TemporalCalls {
  private static final long DEADLINE_SECONDS = 10;

  private final TemporalConnection connection;

  TemporalCalls(TemporalConnection connection) {
    this.connection = connection;
  }

  /** The latest execution of {@code workflowId}. */
  static WorkflowExecution latest(String workflowId) {
    return WorkflowExecution.newBuilder().setWorkflowId(workflowId).build();
  }

  DescribeWorkflowExecutionResponse describe(WorkflowExecution execution) {
    return stub(DEADLINE_SECONDS)
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(connection.namespace())
                .setExecution(execution)
                .build());
  }

  /** A visibility query ({@code ListWorkflowExecutions}); UNIMPLEMENTED on the test server. */
  List<WorkflowExecutionInfo> list(String query, int limit) {
    return stub(DEADLINE_SECONDS)
        .listWorkflowExecutions(
            ListWorkflowExecutionsRequest.newBuilder()
                .setNamespace(connection.namespace())
                .setQuery(query)
                .setPageSize(limit)
                .build())
        .getExecutionsList();
  }

  /** Without visibility queries: up to {@code page} newest open and as many closed runs. */
  List<WorkflowExecutionInfo> openAndClosed(int page) {
    var stub = stub(DEADLINE_SECONDS);
    List<WorkflowExecutionInfo> infos = new ArrayList<>();
    infos.addAll(
        stub.listOpenWorkflowExecutions(
                ListOpenWorkflowExecutionsRequest.newBuilder()
                    .setNamespace(connection.namespace())
                    .setMaximumPageSize(page)
                    .build())
            .getExecutionsList());
    infos.addAll(
        stub.listClosedWorkflowExecutions(
                ListClosedWorkflowExecutionsRequest.newBuilder()
                    .setNamespace(connection.namespace())
                    .setMaximumPageSize(page)
                    .build())
            .getExecutionsList());
    return infos;
  }

  /** The first event of the run's history: how it was started, with its input. */
  WorkflowExecutionStartedEventAttributes started(String workflowId) {
    return stub(DEADLINE_SECONDS)
        .getWorkflowExecutionHistory(
            GetWorkflowExecutionHistoryRequest.newBuilder()
                .setNamespace(connection.namespace())
                .setExecution(latest(workflowId))
                .setMaximumPageSize(1)
                .build())
        .getHistory()
        .getEvents(0)
        .getWorkflowExecutionStartedEventAttributes();
  }

  /**
   * The answer to query {@code type}, or empty when no worker answers within {@code seconds} or the
   * run cannot be queried (yet); queries are answered by a worker, also for closed runs.
   */
  Optional<Payload> query(String workflowId, String type, long seconds) {
    try {
      var result =
          stub(seconds)
              .queryWorkflow(
                  QueryWorkflowRequest.newBuilder()
                      .setNamespace(connection.namespace())
                      .setExecution(latest(workflowId))
                      .setQuery(WorkflowQuery.newBuilder().setQueryType(type))
                      .build())
              .getQueryResult();
      return result.getPayloadsCount() == 0 ? Optional.empty() : Optional.of(result.getPayloads(0));
    } catch (StatusRuntimeException e) {
      return Optional.empty();
    }
  }

  private WorkflowServiceBlockingStub stub(long seconds) {
    return connection.service().blockingStub().withDeadlineAfter(seconds, TimeUnit.SECONDS);
  }
}
