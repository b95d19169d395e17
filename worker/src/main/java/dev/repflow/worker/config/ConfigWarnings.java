package dev.repflow.worker.config;

import dev.repflow.common.PipelineSpec;
import dev.repflow.transfer.TransferEvalSpec;
import java.util.List;

/** Settings that are valid but usually a slip; the CLI prints them before starting. */
public final class ConfigWarnings {
  private ConfigWarnings() {}

  public static List<String> of(PipelineSpec spec) {
    if (spec instanceof TransferEvalSpec transfer && !transfer.overlappingClasses().isEmpty()) {
      return List.of(
          "pretrain.classes and evaluate.classes share "
              + transfer.overlappingClasses()
              + ": the kNN result then measures seen classes, not transfer");
    }
    return List.of();
  }
}
