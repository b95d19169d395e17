package dev.repflow.common;

import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepOutcome;
import dev.repflow.reports.ReportActivities;
import dev.repflow.reports.RunReport;
import dev.repflow.reports.RunReportRequest;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * What a run publishes about itself, whoever started it: at its start the memo (and, where
 * registered, the search attributes) that lists and the web UI show; at its end a report in S3 and
 * its headline metrics and report URI in the memo.
 *
 * <p>A run started by {@code temporal workflow start} has no memo from a client, so the workflow
 * writes the keys that are missing. New behaviour sits behind {@code Workflow.getVersion}:
 * histories recorded before it replay unchanged. A failed report is logged and marked on its stage,
 * but does not fail a run whose results are already stored.
 */
public final class RunRecord {
  public static final String CHANGE_ID = "repflow-run-record";
  public static final String REPORT_STAGE = "report.html";

  /** Memo keys. {@code spec} is a JSON string when the CLI started the run, an object otherwise. */
  public static final String PIPELINE = "pipeline";

  public static final String EXPERIMENT = "experiment";
  public static final String SPEC = "spec";
  public static final String HEADLINE = "headline";
  public static final String REPORT = "report";

  private static final Logger log = Workflow.getLogger(RunRecord.class);

  private final boolean active;
  private final String workflowType;
  private final Object spec;
  private final StageTracker tracker;

  private RunRecord(boolean active, String workflowType, Object spec, StageTracker tracker) {
    this.active = active;
    this.workflowType = workflowType;
    this.spec = spec;
    this.tracker = tracker;
  }

  /** Call first in a run: memo and search attributes, and a report stage in the plan. */
  public static RunRecord begin(RunLabels labels, Object spec, StageTracker tracker) {
    boolean active = Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) >= 1;
    if (active) {
      upsertMissingMemo(labels, spec);
      if (RepflowSearchAttributes.enabledForThisRun()) {
        Workflow.upsertTypedSearchAttributes(
            RepflowSearchAttributes.PIPELINE.valueSet(labels.workflowType()),
            RepflowSearchAttributes.EXPERIMENT.valueSet(labels.experiment()),
            RepflowSearchAttributes.DATASET.valueSet(labels.dataset()),
            RepflowSearchAttributes.MODEL.valueSet(labels.model()));
      }
      tracker.add(REPORT_STAGE);
    }
    return new RunRecord(active, labels.workflowType(), spec, tracker);
  }

  /** Call last: writes the run's report (CPU queue) and returns {@code result} unchanged. */
  public <R> R finish(RunContext run, R result) {
    if (active) {
      ReportActivities reports =
          Workflow.newActivityStub(ReportActivities.class, ActivityPresets.report());
      String id = Workflow.getInfo().getWorkflowId();
      publish(
          () -> reports.write(new RunReportRequest(id, workflowType, run, spec, result)), r -> r);
    }
    return result;
  }

  /**
   * Runs {@code step} as the report stage and puts its report's headline and URI into the memo.
   *
   * @return the step's outcome, or null when the record is inactive or the step failed
   */
  public <T extends StepOutcome> T publish(
      Functions.Func<T> step, Function<T, RunReport> reportOf) {
    if (!active) {
      return null;
    }
    try {
      T outcome = new Steps(tracker).start(REPORT_STAGE, step).get();
      RunReport report = reportOf.apply(outcome);
      Workflow.upsertMemo(Map.of(HEADLINE, report.headline(), REPORT, report.html().uri()));
      return outcome;
    } catch (ActivityFailure e) {
      log.warn("the run's report could not be written: {}", e.getMessage());
      return null;
    }
  }

  private static void upsertMissingMemo(RunLabels labels, Object spec) {
    Map<String, Object> memo = new LinkedHashMap<>();
    memo.put(PIPELINE, labels.pipeline());
    memo.put(EXPERIMENT, labels.experiment());
    memo.put(SPEC, spec);
    memo.keySet().removeIf(key -> Workflow.getMemo(key, Object.class) != null);
    if (!memo.isEmpty()) {
      Workflow.upsertMemo(memo);
    }
  }
}
