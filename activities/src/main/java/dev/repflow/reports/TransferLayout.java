package dev.repflow.reports;

import dev.repflow.eval.KnnResult;
import dev.repflow.transfer.TransferEvalResult;
import dev.repflow.transfer.TransferEvalSpec;

/** Report of a transfer run: the backbone and one kNN row per representation. */
final class TransferLayout {
  private TransferLayout() {}

  static void describe(TransferEvalSpec spec, TransferEvalResult result, Sections out) {
    var backbone = result.backbone();
    out.line(
        "Backbone %s pretrained on classes %s: train accuracy %.4f, loss %.4f.",
        backbone.model().label(),
        spec.pretrain().classes(),
        backbone.trainAccuracy(),
        backbone.trainLoss());
    out.metric("pretrain / train accuracy", backbone.trainAccuracy());
    out.metric("pretrain / train loss", backbone.trainLoss());
    var table =
        out.table(
            "kNN accuracy",
            String.format(
                "k=%d, Euclidean, uniform vote, on classes %s",
                spec.evaluate().k(), spec.evaluate().classes()),
            "representation",
            "dim",
            "queries",
            "accuracy",
            "mean per-class acc");
    for (KnnResult r : result.evaluations()) {
      table.row(r.name(), r.dimensions(), r.queries(), r.accuracy(), r.meanPerClassAccuracy());
      String prefix = "knn " + r.name() + " / ";
      if (r.name().equals("embeddings")) {
        out.headline(prefix + "accuracy", r.accuracy());
      } else {
        out.metric(prefix + "accuracy", r.accuracy());
      }
      out.metric(prefix + "mean per-class accuracy", r.meanPerClassAccuracy());
    }
  }
}
