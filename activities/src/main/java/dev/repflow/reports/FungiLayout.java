package dev.repflow.reports;

import dev.repflow.fungi.CombinationResult;
import dev.repflow.fungi.FewShotScore;
import dev.repflow.fungi.FungiResult;
import dev.repflow.fungi.FungiSpec;
import java.util.List;

/** Report of a FUNGI run: one row per feature combination, in the paper's order. */
final class FungiLayout {
  private FungiLayout() {}

  static void describe(FungiSpec spec, FungiResult result, Sections out) {
    var projection = result.projection();
    if (result.backbone() == null) {
      out.line("TorchScript backbone %s.", spec.torchscript());
    } else {
      out.line(
          "Backbone %s pretrained on classes %s: train accuracy %.4f.",
          result.backbone().model().label(),
          spec.pretrain().classes(),
          result.backbone().trainAccuracy());
    }
    out.line(
        "Gradients of layer %s (%d values) projected to %d dims (%s); evaluated on classes %s.",
        projection.layer(),
        projection.gradientDim(),
        projection.dim(),
        spec.gradients().projection().scheme(),
        spec.evaluate().classes());
    var table = out.table("Feature combinations", "", FungiTable.columns(spec));
    List<CombinationResult> results = result.results();
    for (CombinationResult r : results) {
      table.row(FungiTable.row(r));
      String prefix = r.name() + " / ";
      boolean headline = r == results.get(0) || r == results.get(results.size() - 1);
      if (headline) {
        out.headline(prefix + "kNN accuracy", r.knnAccuracy());
      } else {
        out.metric(prefix + "kNN accuracy", r.knnAccuracy());
      }
      out.metric(prefix + "kNN mean per-class", r.knnMeanPerClass());
      out.metric(prefix + "linear accuracy", r.linearAccuracy());
      for (FewShotScore f : r.fewShot()) {
        out.metric(prefix + f.shots() + "-shot accuracy", f.mean());
      }
      out.metric(prefix + "retrieval mAP", r.retrievalMap());
    }
  }
}
