package dev.repflow.reports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.steps.StepFailures;
import io.temporal.activity.Activity;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the report of a finished pipeline run (CPU queue). */
public final class ReportActivitiesImpl implements ReportActivities {
  private static final Logger log = LoggerFactory.getLogger(ReportActivitiesImpl.class);

  /** Reads spec and result as the workflow's JSON converter wrote them. */
  static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final ReportWriter writer;
  private final Function<String, Optional<WorkflowExecutionHistory>> histories;

  /** Reports for runs whose history this activity's worker can read. */
  public ReportActivitiesImpl(ArtifactStore store) {
    this(store, ReportActivitiesImpl::currentHistory);
  }

  /**
   * @param histories the history of a workflow id so far, for timings; empty when unreadable
   */
  public ReportActivitiesImpl(
      ArtifactStore store, Function<String, Optional<WorkflowExecutionHistory>> histories) {
    this.writer = new ReportWriter(store);
    this.histories = histories;
  }

  @Override
  public RunReport write(RunReportRequest request) {
    return StepFailures.guard("report", () -> writeReport(request));
  }

  private RunReport writeReport(RunReportRequest request) {
    RunLayout<?, ?> layout = RunLayouts.of(request.workflowType());
    Object spec = JSON.convertValue(request.spec(), layout.specType());
    JsonNode result = JSON.valueToTree(request.result());
    Sections sections = new Sections();
    layout.describe(spec, JSON.convertValue(result, layout.resultType()), sections);
    RunDocument doc =
        new RunDocument(
            RunDocument.FORMAT,
            request.workflowId(),
            request.workflowType(),
            JSON.valueToTree(request.spec()).path("pipeline").asText(),
            request.run().experiment(),
            ReportWriter.written(),
            ReportWriter.codeVersion(),
            request.spec(),
            sections.headline,
            sections.metrics,
            sections.lines,
            sections.tables(),
            sections.plots,
            LineageScan.of(result),
            histories.apply(request.workflowId()).map(StepTimings::of).orElse(null),
            null);
    return writer.write(doc, writer.svgs(doc.plots()));
  }

  /** The running workflow's history through the worker's client; empty outside an activity. */
  public static Optional<WorkflowExecutionHistory> currentHistory(String workflowId) {
    try {
      return Optional.of(
          Activity.getExecutionContext().getWorkflowClient().fetchHistory(workflowId));
    } catch (RuntimeException e) {
      log.warn("no timings for {}: its history is not readable ({})", workflowId, e.toString());
      return Optional.empty();
    }
  }
}
