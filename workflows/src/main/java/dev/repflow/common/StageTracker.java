package dev.repflow.common;

import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Workflow-side record of stage states, backing the {@code progress} query and the run's "current
 * details" in the Temporal web UI (a small markdown table, {@link ProgressMarkdown}).
 *
 * <p>It also upserts the {@code RepflowStage} search attribute, but only when the run was started
 * with repflow's search attributes ({@link RepflowSearchAttributes#enabledForThisRun}). Upserting
 * an unregistered attribute would fail every workflow task, so without them the run degrades to
 * query-only progress. Deterministic: uses only workflow state; current details are not part of the
 * history.
 */
public final class StageTracker {
  private static final Logger log = Workflow.getLogger(StageTracker.class);

  private final String pipeline;
  private final Map<String, StageStatus> stages = new LinkedHashMap<>();
  private final boolean searchAttributesEnabled;

  public StageTracker(String pipeline, List<String> plannedStages) {
    this.pipeline = pipeline;
    plannedStages.forEach(s -> stages.put(s, new StageStatus(s, StageStatus.State.PENDING, "")));
    this.searchAttributesEnabled = RepflowSearchAttributes.enabledForThisRun();
    if (!plannedStages.isEmpty()) {
      Workflow.setCurrentDetails(ProgressMarkdown.of(snapshot()));
    }
  }

  /** Appends a stage to the plan, e.g. the report every run writes last. */
  public void add(String stage) {
    if (stages.containsKey(stage)) {
      throw new IllegalStateException("stage " + stage + " is already in the plan");
    }
    stages.put(stage, new StageStatus(stage, StageStatus.State.PENDING, ""));
    Workflow.setCurrentDetails(ProgressMarkdown.of(snapshot()));
  }

  public void start(String stage) {
    put(stage, StageStatus.State.RUNNING, "");
    if (searchAttributesEnabled) {
      Workflow.upsertTypedSearchAttributes(RepflowSearchAttributes.STAGE.valueSet(stage));
    }
  }

  /** Marks a stage finished; {@code cached} steps are reported as reused, not recomputed. */
  public void finish(String stage, boolean cached, String detail) {
    put(stage, cached ? StageStatus.State.CACHED : StageStatus.State.DONE, detail);
    log.info("{} {}: {}", stage, cached ? "reused from cache" : "done", detail);
  }

  public void fail(String stage, String why) {
    put(stage, StageStatus.State.FAILED, why);
  }

  public PipelineProgress snapshot() {
    return new PipelineProgress(pipeline, List.copyOf(stages.values()));
  }

  private void put(String stage, StageStatus.State state, String detail) {
    if (!stages.containsKey(stage)) {
      throw new IllegalStateException("stage " + stage + " is not in the plan " + stages.keySet());
    }
    stages.put(stage, new StageStatus(stage, state, detail));
    Workflow.setCurrentDetails(ProgressMarkdown.of(snapshot()));
  }
}
