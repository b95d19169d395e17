package dev.repflow.worker.report;

import dev.repflow.eval.KnnResult;
import dev.repflow.reports.RunTimings;
import dev.repflow.transfer.TransferEvalResult;
import dev.repflow.transfer.TransferEvalSpec;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a finished {@link dev.repflow.transfer.TransferEvalWorkflow} run for the terminal. */
public final class TransferEvalReport {
  private TransferEvalReport() {}

  public static void print(
      PrintWriter out,
      String workflowId,
      TransferEvalSpec spec,
      TransferEvalResult result,
      RunTimings timings) {
    var backbone = result.backbone();
    out.println();
    out.println(PretrainedBackbone.describe(backbone, spec.pretrain().classes()));
    out.printf(
        Locale.ROOT,
        "kNN (k=%d, Euclidean, uniform vote) on classes %s: %d train images as memory, %d test"
            + " queries%n%n",
        spec.evaluate().k(),
        spec.evaluate().classes(),
        result.trainEmbeddings().rows(),
        result.evaluations().get(0).queries());
    TextTable table = new TextTable("representation", "dim", "accuracy", "mean per-class acc");
    for (KnnResult r : result.evaluations()) {
      table.row(r.name(), r.dimensions(), r.accuracy(), r.meanPerClassAccuracy());
    }
    table.print(out);

    out.println();
    out.println("Workflow  " + workflowId);
    out.println("Artifacts");
    TextTable artifacts = new TextTable("  artifact", "uri");
    artifacts.row("  checkpoint", backbone.checkpoint().uri());
    artifacts.row("  train embeddings", result.trainEmbeddings().uri());
    artifacts.row("  test embeddings", result.testEmbeddings().uri());
    for (KnnResult r : result.evaluations()) {
      artifacts.row("  knn " + r.name(), r.report().uri());
    }
    artifacts.print(out);
    timings.printSummary(out, result.totalSteps(), result.cachedSteps());
  }
}
