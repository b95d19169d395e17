package dev.repflow.worker.runs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.repflow.common.RepflowSearchAttributes;
import dev.repflow.common.RunRecord;
import dev.repflow.reports.Metric;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.common.converter.DataConverter;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a run's {@link RunSummary} from what Temporal keeps about it: the memo a run writes ({@link
 * RunRecord}), its stage search attribute while it runs, and its static summary.
 */
final class RunSummaries {
  private static final Type METRICS = new TypeReference<List<Metric>>() {}.getType();

  private final DataConverter converter;

  RunSummaries(DataConverter converter) {
    this.converter = converter;
  }

  /** {@code staticSummary}: the run's static summary (list results lack it), or null. */
  RunSummary of(WorkflowExecutionInfo info, String staticSummary) {
    Map<String, Payload> memo = info.getMemo().getFieldsMap();
    return new RunSummary(
        info.getExecution().getWorkflowId(),
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
        staticSummary);
  }

  String text(Payload payload) {
    return converter.fromPayload(payload, String.class, String.class);
  }

  @SuppressWarnings("unchecked") // METRICS is List<Metric>
  private List<Metric> headline(Payload payload) {
    return payload == null ? List.of() : converter.fromPayload(payload, List.class, METRICS);
  }

  private String memoText(Map<String, Payload> memo, String key) {
    Payload p = memo.get(key);
    if (p == null) {
      return null;
    }
    JsonNode value = converter.fromPayload(p, JsonNode.class, JsonNode.class);
    return value.isTextual() ? value.asText() : value.toString();
  }

  private static String status(WorkflowExecutionStatus status) {
    return status.name().replace("WORKFLOW_EXECUTION_STATUS_", "");
  }

  private static String time(com.google.protobuf.Timestamp t) {
    return t == null ? null : Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
  }
}
