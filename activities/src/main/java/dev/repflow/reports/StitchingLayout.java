package dev.repflow.reports;

import dev.repflow.stitching.MethodScore;
import dev.repflow.stitching.OodDetector;
import dev.repflow.stitching.SimilarityResult;
import dev.repflow.stitching.StitchResult;
import dev.repflow.stitching.StitchingPlots;
import dev.repflow.stitching.StitchingResult;
import dev.repflow.stitching.StitchingSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Report of a stitching run: accuracy per pair and method, OOD detectors, similarity, ranks. */
final class StitchingLayout {
  private StitchingLayout() {}

  static void describe(StitchingSpec spec, StitchingResult result, Sections out) {
    out.line(
        "%d networks, %d stitched pairs, on classes %s.",
        spec.models().size(), spec.pairs().size(), spec.classes());
    Set<String> methods = new LinkedHashSet<>();
    result.stitches().forEach(s -> s.methods().forEach(m -> methods.add(m.method())));
    List<String> header = new ArrayList<>(List.of("pair", "kind", "f alone", "g alone"));
    methods.forEach(m -> header.add(m));
    methods.forEach(m -> header.add(m + " OOD AUROC"));
    var table =
        out.table(
            "Stitched accuracy",
            "OOD AUROC: g's energy detector on stitched vs g's own test activations"
                + " (0.5 = indistinguishable)",
            header.toArray(String[]::new));
    boolean first = true;
    for (StitchResult s : result.stitches()) {
      List<Object> row =
          new ArrayList<>(List.of(s.pair().label(), s.kind(), s.frontAccuracy(), s.endAccuracy()));
      List<Object> auroc = new ArrayList<>();
      for (String method : methods) {
        MethodScore score =
            s.methods().stream().filter(m -> m.method().equals(method)).findFirst().orElse(null);
        row.add(score == null ? null : score.accuracy());
        auroc.add(score == null ? null : score.oodAuroc());
        if (score != null) {
          String name = s.pair().label() + " / " + method + " accuracy";
          if (first && method.equals("direct")) {
            out.headline(name, score.accuracy());
          } else {
            out.metric(name, score.accuracy());
          }
          if (score.oodAuroc() != null) {
            out.metric(s.pair().label() + " / " + method + " OOD AUROC", score.oodAuroc());
            out.metric(s.pair().label() + " / " + method + " OOD FPR95", score.oodFpr95());
          }
        }
      }
      row.addAll(auroc);
      table.row(row);
      first = false;
    }
    var detectors =
        out.table("OOD detectors", "energy on g's layer", "layer", "ID acc", "AUROC", "FPR95");
    for (OodDetector d : result.detectors()) {
      detectors.row(d.layer().label(), d.idAccuracy(), d.auroc(), d.fpr95());
      out.metric(d.layer().label() + " detector / AUROC", d.auroc());
    }
    var similarity = out.table("Similarity at full rank", "", "pair", "linear CKA", "Procrustes");
    for (SimilarityResult s : result.similarities()) {
      double cka = last(s.cka().values());
      similarity.row(s.pair().label(), cka, last(s.procrustes().values()));
      out.metric(s.pair().label() + " / CKA", cka);
    }
    out.plot(
        new ReportPlot(
            "accuracy-vs-rank",
            "Accuracy vs retained rank",
            "retained rank",
            "accuracy",
            true,
            result.plot().uri(),
            rankSeries(result),
            Sections.seriesTable("accuracy per retained rank", rankSeries(result))));
  }

  /** The lines of the pipeline's own plot, as series the results browser can overlay. */
  private static List<PlotSeries> rankSeries(StitchingResult result) {
    return StitchingPlots.accuracyCurves(result.probes(), result.stitches()).stream()
        .map(
            c ->
                new PlotSeries(
                    c.name(), c.ranks().stream().map(Integer::doubleValue).toList(), c.values()))
        .toList();
  }

  private static double last(List<Double> values) {
    return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
  }
}
