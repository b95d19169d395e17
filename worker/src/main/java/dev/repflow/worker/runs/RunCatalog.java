package dev.repflow.worker.runs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.repflow.common.PipelineProgress;
import dev.repflow.common.RepflowSearchAttributes;
import dev.repflow.common.RunRecord;
import dev.repflow.common.StepProgress;
import dev.repflow.reports.Metric;
import dev.repflow.worker.runtime.TemporalConnection;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.client.WorkflowFailedException;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * repflow's runs on a Temporal namespace: recent ones, one by id, its progress and result.
 *
 * <p>Lists use visibility queries ({@code ListWorkflowExecutions}) where the server has them and
 * fall back to {@code ListOpen/ListClosedWorkflowExecutions}, which Temporal's Java test server
 * (the embedded one) implements without memo, so those rows are described one by one.
 */
public final class RunCatalog {
  private static final long DEADLINE_SECONDS = 10;
  private static final Type METRICS = new TypeReference<List<Metric>>() {}.getType();

  private final TemporalConnection connection;
  private final Set<String> types;
  private final DataConverter converter;

  /** Static summaries seen by {@link #describe}, by workflow id (list results lack them). */
  private final Map<String, String> summaries = new ConcurrentHashMap<>();

  /**
   * @param workflowTypes the types that are repflow runs; other workflows are not listed
   */
  public RunCatalog(TemporalConnection connection, Collection<String> workflowTypes) {
    this.connection = connection;
    this.types = Set.copyOf(workflowTypes);
    this.converter = connection.client().getOptions().getDataConverter();
  }

  /** The {@code limit} most recently started repflow runs, newest first. */
  public List<RunSummary> list(int limit) {
    List<WorkflowExecutionInfo> infos;
    try {
      infos = visibilityQuery(limit);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
      infos = openAndClosed(limit);
    }
    return infos.stream()
        .filter(i -> types.contains(i.getType().getName()))
        .sorted(
            Comparator.comparing((WorkflowExecutionInfo i) -> i.getStartTime().getSeconds())
                .reversed())
        .limit(limit)
        .map(
            i ->
                i.hasMemo() && i.getMemo().getFieldsCount() > 0
                    ? summary(i)
                    : describe(i.getExecution().getWorkflowId())
                        .map(this::summary)
                        .orElse(summary(i)))
        .toList();
  }

  /** The run with this id (its latest execution), if the server knows it. */
  public Optional<RunSummary> find(String workflowId) {
    return describe(workflowId).map(this::summary);
  }

  /**
   * The run's {@code progress} query, or empty when no worker answers within {@code seconds}
   * (queries are answered by a worker, also for closed runs).
   */
  public Optional<PipelineProgress> progress(String workflowId, long seconds) {
    return query(workflowId, "progress", seconds)
        .map(p -> converter.fromPayload(p, PipelineProgress.class, PipelineProgress.class));
  }

  /**
   * What the run's running activities last reported in their heartbeats (epoch, batch, loss), by
   * activity id; empty when none reports or the server is not reachable right now.
   */
  public Map<String, StepProgress> heartbeats(WorkflowExecution execution) {
    List<PendingActivityInfo> pending;
    try {
      pending =
          service()
              .blockingStub()
              .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(connection.namespace())
                      .setExecution(execution)
                      .build())
              .getPendingActivitiesList();
    } catch (StatusRuntimeException transientError) {
      return Map.of(); // progress is best effort
    }
    Map<String, StepProgress> progress = new LinkedHashMap<>();
    for (PendingActivityInfo activity : pending) {
      if (activity.hasHeartbeatDetails()) {
        progress.put(
            activity.getActivityId(),
            converter.fromPayloads(
                0,
                Optional.of(activity.getHeartbeatDetails()),
                StepProgress.class,
                StepProgress.class));
      }
    }
    return progress;
  }

  /**
   * Everything about a run: summary, stages and current details while it runs, its input, and its
   * result or failure once closed.
   *
   * @throws RunNotFoundException when the server has no run with that id
   */
  public RunStatus status(String workflowId, boolean withResult) {
    RunSummary run =
        find(workflowId)
            .orElseThrow(
                () -> new RunNotFoundException("no run with workflow id " + workflowId, null));
    var progress = run.running() ? progress(workflowId, 5) : Optional.<PipelineProgress>empty();
    String details =
        run.running()
            ? query(workflowId, "__temporal_workflow_metadata", 5)
                .map(
                    p ->
                        converter
                            .fromPayload(
                                p,
                                io.temporal.api.sdk.v1.WorkflowMetadata.class,
                                io.temporal.api.sdk.v1.WorkflowMetadata.class)
                            .getCurrentDetails())
                .orElse(null)
            : null;
    JsonNode result = null;
    String failure = null;
    if (withResult && !run.running()) {
      try {
        result = connection.client().newUntypedWorkflowStub(workflowId).getResult(JsonNode.class);
      } catch (WorkflowFailedException e) {
        failure = Failures.describe(e);
      }
    }
    return new RunStatus(
        run,
        progress.map(PipelineProgress::stages).orElse(List.of()),
        details,
        spec(workflowId),
        result,
        failure);
  }

  /** The input the run was started with, as JSON; null for a run without input. */
  public JsonNode spec(String workflowId) {
    return input(workflowId, JsonNode.class);
  }

  /**
   * The input the run was started with, read as {@code type} from the first event of its history:
   * works for runs started by any client, with or without repflow's memo.
   */
  public <T> T input(String workflowId, Class<T> type) {
    var history =
        service()
            .blockingStub()
            .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
            .getWorkflowExecutionHistory(
                GetWorkflowExecutionHistoryRequest.newBuilder()
                    .setNamespace(connection.namespace())
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                    .setMaximumPageSize(1)
                    .build());
    var input = history.getHistory().getEvents(0).getWorkflowExecutionStartedEventAttributes();
    return input.getInput().getPayloadsCount() == 0
        ? null
        : converter.fromPayload(input.getInput().getPayloads(0), type, type);
  }

  private List<WorkflowExecutionInfo> visibilityQuery(int limit) {
    String query =
        types.stream()
            .sorted()
            .map(t -> "'" + t + "'")
            .collect(Collectors.joining(", ", "WorkflowType IN (", ")"));
    return service()
        .blockingStub()
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .listWorkflowExecutions(
            ListWorkflowExecutionsRequest.newBuilder()
                .setNamespace(connection.namespace())
                .setQuery(query)
                .setPageSize(limit)
                .build())
        .getExecutionsList();
  }

  /** Without visibility queries: the newest open and closed runs (filtered by type here). */
  private List<WorkflowExecutionInfo> openAndClosed(int limit) {
    var stub = service().blockingStub().withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    int page = Math.max(100, 4 * limit);
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

  private Optional<WorkflowExecutionInfo> describe(String workflowId) {
    try {
      DescribeWorkflowExecutionResponse response =
          service()
              .blockingStub()
              .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(connection.namespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .build());
      var info = response.getWorkflowExecutionInfo();
      if (response.getExecutionConfig().getUserMetadata().hasSummary()) {
        // The static summary lives in the execution config; keep it with the info for summary().
        summaries.put(
            workflowId, text(response.getExecutionConfig().getUserMetadata().getSummary()));
      }
      return Optional.of(info);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private RunSummary summary(WorkflowExecutionInfo info) {
    Map<String, Payload> memo = info.getMemo().getFieldsMap();
    String id = info.getExecution().getWorkflowId();
    return new RunSummary(
        id,
        info.getExecution().getRunId(),
        info.getType().getName(),
        memoText(memo, RunRecord.PIPELINE),
        memoText(memo, RunRecord.EXPERIMENT),
        status(info.getStatus()),
        time(info.hasStartTime() ? info.getStartTime() : null),
        time(info.hasCloseTime() ? info.getCloseTime() : null),
        info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
            ? null
            : Optional.ofNullable(
                    info.getSearchAttributes()
                        .getIndexedFieldsMap()
                        .get(RepflowSearchAttributes.STAGE.getName()))
                .map(this::text)
                .orElse(null),
        headline(memo.get(RunRecord.HEADLINE)),
        memoText(memo, RunRecord.REPORT),
        memoText(memo, "sweep"),
        summaries.get(id));
  }

  @SuppressWarnings("unchecked") // METRICS is List<Metric>
  private List<Metric> headline(Payload payload) {
    return payload == null ? List.of() : converter.fromPayload(payload, List.class, METRICS);
  }

  private Optional<Payload> query(String workflowId, String type, long seconds) {
    try {
      var response =
          service()
              .blockingStub()
              .withDeadlineAfter(seconds, TimeUnit.SECONDS)
              .queryWorkflow(
                  io.temporal.api.workflowservice.v1.QueryWorkflowRequest.newBuilder()
                      .setNamespace(connection.namespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .setQuery(
                          io.temporal.api.query.v1.WorkflowQuery.newBuilder().setQueryType(type))
                      .build());
      return response.getQueryResult().getPayloadsCount() == 0
          ? Optional.empty()
          : Optional.of(response.getQueryResult().getPayloads(0));
    } catch (StatusRuntimeException e) {
      return Optional.empty(); // not answered in time, or the run cannot be queried (yet)
    }
  }

  private String memoText(Map<String, Payload> memo, String key) {
    Payload p = memo.get(key);
    if (p == null) {
      return null;
    }
    JsonNode value = converter.fromPayload(p, JsonNode.class, JsonNode.class);
    return value.isTextual() ? value.asText() : value.toString();
  }

  private String text(Payload payload) {
    return converter.fromPayload(payload, String.class, String.class);
  }

  private static String status(WorkflowExecutionStatus status) {
    return status.name().replace("WORKFLOW_EXECUTION_STATUS_", "");
  }

  private static String time(com.google.protobuf.Timestamp t) {
    return t == null ? null : Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
  }

  private WorkflowServiceStubs service() {
    return connection.service();
  }
}
