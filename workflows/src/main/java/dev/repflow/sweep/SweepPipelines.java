package dev.repflow.sweep;

import dev.repflow.anchoring.AnchoringSpec;
import dev.repflow.anchoring.AnchoringWorkflow;
import dev.repflow.collapse.CollapseSpec;
import dev.repflow.collapse.CollapseWorkflow;
import dev.repflow.fungi.FungiSpec;
import dev.repflow.fungi.FungiWorkflow;
import dev.repflow.imprinting.ImprintingSpec;
import dev.repflow.imprinting.ImprintingWorkflow;
import dev.repflow.stitching.StitchingSpec;
import dev.repflow.stitching.StitchingWorkflow;
import dev.repflow.transfer.TransferEvalSpec;
import dev.repflow.transfer.TransferEvalWorkflow;
import java.util.Map;
import java.util.TreeMap;

/** Which workflow type runs a point of a sweep over each pipeline. */
final class SweepPipelines {
  private static final Map<String, String> TYPES =
      new TreeMap<>(
          Map.of(
              TransferEvalSpec.PIPELINE, TransferEvalWorkflow.TYPE,
              FungiSpec.PIPELINE, FungiWorkflow.TYPE,
              AnchoringSpec.PIPELINE, AnchoringWorkflow.TYPE,
              StitchingSpec.PIPELINE, StitchingWorkflow.TYPE,
              CollapseSpec.PIPELINE, CollapseWorkflow.TYPE,
              ImprintingSpec.PIPELINE, ImprintingWorkflow.TYPE));

  private SweepPipelines() {}

  static String workflowType(Object pipeline) {
    String type = pipeline instanceof String name ? TYPES.get(name) : null;
    if (type == null) {
      throw new IllegalArgumentException(
          "pipeline: expected one of " + TYPES.keySet() + ", got " + pipeline);
    }
    return type;
  }
}
