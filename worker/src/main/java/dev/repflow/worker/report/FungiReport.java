package dev.repflow.worker.report;

import dev.repflow.fungi.CombinationResult;
import dev.repflow.fungi.FewShotScore;
import dev.repflow.fungi.FungiResult;
import dev.repflow.fungi.FungiSpec;
import dev.repflow.reports.RunTimings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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
      out.printf(
          Locale.ROOT,
          "Backbone %s pretrained on classes %s: train accuracy %.4f%n",
          backbone.model().label(),
          spec.pretrain().classes(),
          backbone.trainAccuracy());
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
    List<String> header =
        new ArrayList<>(
            List.of("features", "dim", "pca", "kNN acc", "kNN mean/class", "linear acc"));
    spec.evaluate().shots().forEach(s -> header.add(s + "-shot (+-std)"));
    header.add("retrieval mAP");
    TextTable table = new TextTable(header.toArray(String[]::new));
    for (CombinationResult r : result.results()) {
      List<Object> row =
          new ArrayList<>(
              List.of(
                  r.name(),
                  r.dimensions(),
                  r.pcaDimensions(),
                  r.knnAccuracy(),
                  r.knnMeanPerClass(),
                  r.linearAccuracy()));
      for (FewShotScore f : r.fewShot()) {
        row.add(String.format(Locale.ROOT, "%.4f+-%.4f", f.mean(), f.std()));
      }
      row.add(r.retrievalMap());
      table.row(row.toArray());
    }
    table.print(out);
    out.println();
    out.println("Workflow  " + workflowId);
    out.println("Summary   " + result.summary().uri());
    out.println("Projection " + projection.artifact().uri());
    timings.printSummary(out, result.totalSteps(), result.cachedSteps());
  }
}
