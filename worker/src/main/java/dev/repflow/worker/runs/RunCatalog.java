package dev.repflow.worker.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.repflow.common.PipelineProgress;
import dev.repflow.common.StepProgress;
import dev.repflow.worker.runtime.TemporalConnection;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.client.WorkflowFailedException;
import io.temporal.common.converter.DataConverter;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * repflow's runs on a Temporal namespace: recent ones, one by id, its progress and result.
 *
 * <p>Lists use visibility queries ({@code ListWorkflowExecutions}) where the server has them and
 * fall back to {@code ListOpen/ListClosedWorkflowExecutions}, which Temporal's Java test server
 * (the embedded one) implements without memo, so those rows are described one by one.
 */
public final class RunCatalog {
  private final TemporalConnection connection;
  private final TemporalCalls calls;
  private final RunSummaries summaries;
  private final Set<String> types;
  private final DataConverter converter;

  /** Static summaries seen by {@link #describe}, by workflow id (list results lack them). */
  private final Map<String, String> staticSummaries = new ConcurrentHashMap<>();

  /**
   * @param workflowTypes the types that are repflow runs; other workflows are not listed
   */
  public RunCatalog(TemporalConnection connection, Collection<String> workflowTypes) {
    this.connection = connection;
    this.calls = new TemporalCalls(connection);
    this.types = Set.copyOf(workflowTypes);
    this.converter = connection.client().getOptions().getDataConverter();
    this.summaries = new RunSummaries(converter);
  }

  /** The {@code limit} most recently started repflow runs, newest first. */
  public List<RunSummary> list(int limit) {
    List<WorkflowExecutionInfo> infos;
    try {
      infos = calls.list(typeQuery(), limit);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
      infos = calls.openAndClosed(Math.max(100, 4 * limit)); // filtered by type below
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
    return calls
        .query(workflowId, "progress", seconds)
        .map(p -> converter.fromPayload(p, PipelineProgress.class, PipelineProgress.class));
  }

  /**
   * What the run's running activities last reported in their heartbeats (epoch, batch, loss), by
   * activity id; empty when none reports or the server is not reachable right now.
   */
  public Map<String, StepProgress> heartbeats(WorkflowExecution execution) {
    List<PendingActivityInfo> pending;
    try {
      pending = calls.describe(execution).getPendingActivitiesList();
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
            ? calls
                .query(workflowId, "__temporal_workflow_metadata", 5)
                .map(
                    p ->
                        converter
                            .fromPayload(p, WorkflowMetadata.class, WorkflowMetadata.class)
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
    var input = calls.started(workflowId).getInput();
    return input.getPayloadsCount() == 0
        ? null
        : converter.fromPayload(input.getPayloads(0), type, type);
  }

  private String typeQuery() {
    return types.stream()
        .sorted()
        .map(t -> "'" + t + "'")
        .collect(Collectors.joining(", ", "WorkflowType IN (", ")"));
  }

  private Optional<WorkflowExecutionInfo> describe(String workflowId) {
    try {
      var response = calls.describe(TemporalCalls.latest(workflowId));
      var metadata = response.getExecutionConfig().getUserMetadata();
      if (metadata.hasSummary()) {
        // The static summary lives in the execution config; keep it with the info for summary().
        staticSummaries.put(workflowId, summaries.text(metadata.getSummary()));
      }
      return Optional.of(response.getWorkflowExecutionInfo());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private RunSummary summary(WorkflowExecutionInfo info) {
    return summaries.of(info, staticSummaries.get(info.getExecution().getWorkflowId()));
  }
}
