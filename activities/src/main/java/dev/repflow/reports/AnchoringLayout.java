package dev.repflow.reports;

import dev.repflow.anchoring.AnchoringResult;
import dev.repflow.anchoring.AnchoringSpec;
import dev.repflow.anchoring.SummaryRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Report of an anchoring run: the models, then accuracy and calibration per severity. */
final class AnchoringLayout {
  private AnchoringLayout() {}

  static void describe(AnchoringSpec spec, AnchoringResult result, Sections out) {
    var train = spec.train();
    out.line(
        "Models %s, %d epochs SGD (lr %s, momentum %s, weight decay %s, cosine), seed %d.",
        spec.model().label(),
        train.epochs(),
        train.learningRate(),
        train.momentum(),
        train.weightDecay(),
        train.seed());
    var models = out.table("Models", "", AnchoredModelsTable.columns());
    result.models().forEach(m -> models.row(AnchoredModelsTable.row(m)));
    var table =
        out.table(
            "Accuracy and calibration per severity",
            String.format(
                "0 = clean; 1-5 averaged over %d corruptions; ECE with %d bins; %d anchor(s)"
                    + " per image",
                spec.corruptions().types().size(),
                spec.inference().eceBins(),
                spec.inference().anchors()),
            "model",
            "severity",
            "accuracy",
            "ECE",
            "NLL",
            "anchor spread");
    List<SummaryRow> rows = result.report().rows();
    int worst = rows.stream().mapToInt(SummaryRow::severity).max().orElse(0);
    Map<String, List<SummaryRow>> byModel = new LinkedHashMap<>();
    for (SummaryRow r : rows) {
      table.row(r.model(), r.severity(), r.accuracy(), r.ece(), r.nll(), r.uncertainty());
      byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r);
      String prefix = r.model() + " severity " + r.severity() + " / ";
      if (r.severity() == worst) {
        out.headline(prefix + "accuracy", r.accuracy());
      } else {
        out.metric(prefix + "accuracy", r.accuracy());
      }
      out.metric(prefix + "ECE", r.ece());
      out.metric(prefix + "NLL", r.nll());
    }
    List<PlotSeries> series = new ArrayList<>();
    byModel.forEach((model, list) -> series.add(line(model + " accuracy", list, true)));
    byModel.forEach((model, list) -> series.add(line(model + " ECE", list, false)));
    out.plot(
        new ReportPlot(
            "severity",
            "Accuracy and ECE vs severity (0 = clean)",
            "severity",
            "accuracy / ECE",
            false,
            result.report().plot().uri(),
            series,
            Sections.seriesTable("accuracy and ECE per severity", series)));
  }

  private static PlotSeries line(String name, List<SummaryRow> rows, boolean accuracy) {
    return new PlotSeries(
        name,
        rows.stream().map(r -> (double) r.severity()).toList(),
        rows.stream().map(r -> accuracy ? r.accuracy() : r.ece()).toList());
  }
}
