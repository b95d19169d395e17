package dev.repflow.worker.report;

import dev.repflow.fungi.FungiResult;
import dev.repflow.fungi.FungiSpec;
import dev.repflow.reports.FungiTable;
import dev.repflow.reports.RunTimings;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a finished {@link dev.repflow.fungi.FungiWorkflow} run: combination x metric. */
public final class FungiReport {
  private FungiReport() {}

  public static void print(
      PrintWriter out, String workflowId, FungiSpec spec, FungiResult result, RunTimings timings) {
    var backbone = result.backbone();
    var projection = result.projection();
    out.println();
    if (backbone == null) {
      out.println("TorchScript backbone " + spec.torchscript());
    } else {
      out.println(PretrainedBackbone.describe(backbone, spec.pretrain().classes()));
    }
    out.printf(
        Locale.ROOT,
        "Gradients of layer %s (%d values) projected to %d dims (%s); evaluated on classes %s:"
            + " %d train, %d test images%n%n",
        projection.layer(),
        projection.gradientDim(),
        projection.dim(),
        spec.gradients().projection().scheme(),
        spec.evaluate().classes(),
        result.trainFeatures().get("embeddings").rows(),
        result.testFeatures().get("embeddings").rows());
    TextTable table = new TextTable(FungiTable.columns(spec));
    result.results().forEach(r -> table.row(FungiTable.row(r)));
    table.print(out);
    out.println();
    out.println("Workflow  " + workflowId);
    out.println("Summary   " + result.summary().uri());
    out.println("Projection " + projection.artifact().uri());
    timings.printSummary(out, result.totalSteps(), result.cachedSteps());
  }
}
