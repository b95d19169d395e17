package dev.repflow.common;

import io.temporal.common.SearchAttributeKey;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * Custom search attributes that let the Temporal web UI filter repflow runs.
 *
 * <p>They must be registered on the namespace before a workflow uses them (the embedded server is
 * registered by the CLI; a real cluster with {@code temporal operator search-attribute create}). A
 * workflow started without any of them still runs, without them: see {@link #enabledForThisRun}.
 */
public final class RepflowSearchAttributes {
  public static final SearchAttributeKey<String> PIPELINE =
      SearchAttributeKey.forKeyword("RepflowPipeline");
  public static final SearchAttributeKey<String> DATASET =
      SearchAttributeKey.forKeyword("RepflowDataset");
  public static final SearchAttributeKey<String> MODEL =
      SearchAttributeKey.forKeyword("RepflowModel");
  public static final SearchAttributeKey<String> STAGE =
      SearchAttributeKey.forKeyword("RepflowStage");
  public static final SearchAttributeKey<String> EXPERIMENT =
      SearchAttributeKey.forKeyword("RepflowExperiment");

  /** All keys, for registration. */
  public static final List<SearchAttributeKey<String>> ALL =
      List.of(PIPELINE, DATASET, MODEL, STAGE, EXPERIMENT);

  private RepflowSearchAttributes() {}

  /**
   * Workflow side: true when this run was started with at least one repflow attribute, which proves
   * they are registered on its namespace (the server rejects unregistered ones at start). Only then
   * may the workflow upsert the others: an unregistered one would fail every workflow task.
   */
  public static boolean enabledForThisRun() {
    var present = Workflow.getTypedSearchAttributes();
    return ALL.stream().anyMatch(present::containsKey);
  }
}
