package dev.repflow.reports;

import dev.repflow.anchoring.AnchoringResult;
import dev.repflow.anchoring.AnchoringSpec;
import dev.repflow.anchoring.AnchoringWorkflow;
import dev.repflow.collapse.CollapseResult;
import dev.repflow.collapse.CollapseSpec;
import dev.repflow.collapse.CollapseWorkflow;
import dev.repflow.fungi.FungiResult;
import dev.repflow.fungi.FungiSpec;
import dev.repflow.fungi.FungiWorkflow;
import dev.repflow.imprinting.ImprintingResult;
import dev.repflow.imprinting.ImprintingSpec;
import dev.repflow.imprinting.ImprintingWorkflow;
import dev.repflow.stitching.StitchingResult;
import dev.repflow.stitching.StitchingSpec;
import dev.repflow.stitching.StitchingWorkflow;
import dev.repflow.transfer.TransferEvalResult;
import dev.repflow.transfer.TransferEvalSpec;
import dev.repflow.transfer.TransferEvalWorkflow;
import java.util.List;

/** The report layout of every pipeline; a new pipeline adds one entry. */
public final class RunLayouts {
  static final List<RunLayout<?, ?>> ALL =
      List.of(
          new RunLayout<>(
              TransferEvalWorkflow.TYPE,
              TransferEvalSpec.class,
              TransferEvalResult.class,
              TransferLayout::describe),
          new RunLayout<>(
              FungiWorkflow.TYPE, FungiSpec.class, FungiResult.class, FungiLayout::describe),
          new RunLayout<>(
              AnchoringWorkflow.TYPE,
              AnchoringSpec.class,
              AnchoringResult.class,
              AnchoringLayout::describe),
          new RunLayout<>(
              StitchingWorkflow.TYPE,
              StitchingSpec.class,
              StitchingResult.class,
              StitchingLayout::describe),
          new RunLayout<>(
              CollapseWorkflow.TYPE,
              CollapseSpec.class,
              CollapseResult.class,
              CollapseLayout::describe),
          new RunLayout<>(
              ImprintingWorkflow.TYPE,
              ImprintingSpec.class,
              ImprintingResult.class,
              ImprintingLayout::describe));

  private RunLayouts() {}

  /**
   * The layout of {@code workflowType}.
   *
   * @throws IllegalArgumentException naming the known types when there is none
   */
  public static RunLayout<?, ?> of(String workflowType) {
    return ALL.stream()
        .filter(l -> l.workflowType().equals(workflowType))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no report layout for workflow type "
                        + workflowType
                        + " (known: "
                        + ALL.stream().map(RunLayout::workflowType).toList()
                        + ")"));
  }
}
