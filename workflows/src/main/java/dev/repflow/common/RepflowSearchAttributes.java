package dev.repflow.common;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * Custom search attributes that let the Temporal web UI filter repflow runs.
 *
 * <p>They must be registered on the namespace before a workflow uses them (the embedded server is
 * registered by the CLI; a real cluster with {@code temporal operator search-attribute create}). A
 * workflow started without them still runs: see {@link StageTracker}.
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

  /** All keys, for registration. */
  public static final List<SearchAttributeKey<String>> ALL =
      List.of(PIPELINE, DATASET, MODEL, STAGE);

  private RepflowSearchAttributes() {}
}
