package dev.repflow.worker.report;

import dev.repflow.reports.RunTimings;
import dev.repflow.stitching.MethodScore;
import dev.repflow.stitching.OodDetector;
import dev.repflow.stitching.RankCurve;
import dev.repflow.stitching.StitchResult;
import dev.repflow.stitching.StitchingResult;
import dev.repflow.stitching.StitchingSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Prints a finished {@link dev.repflow.stitching.StitchingWorkflow} run for the terminal. */
public final class StitchingReport {
  private StitchingReport() {}

  public static void print(
      PrintWriter out,
      String workflowId,
      StitchingSpec spec,
      StitchingResult result,
      RunTimings timings) {
    out.println();
    out.printf(Locale.ROOT, "Networks trained on classes %s%n", spec.classes());
    TextTable models = new TextTable("model", "arch", "seed", "train acc");
    for (int i = 0; i < spec.models().size(); i++) {
      var m = spec.models().get(i);
      models.row(m.name(), m.model().label(), m.seed(), result.backbones().get(i).trainAccuracy());
    }
    models.print(out);

    out.printf(
        Locale.ROOT,
        "%nStitched test accuracy (K = %d direct-matching samples; task loss: %d epoch(s))%n",
        spec.stitch().samples(),
        spec.stitch().taskLoss().epochs());
    List<String> methods = methods(result.stitches());
    printPairs(out, result.stitches(), methods, MethodScore::accuracy, true);
    if (result.stitches().stream().anyMatch(s -> s.methods().get(0).oodAuroc() != null)) {
      out.printf(
          Locale.ROOT,
          "%ng's energy detector on stitched vs g's own test activations: AUROC (0.5 ="
              + " indistinguishable)%n");
      printPairs(out, result.stitches(), methods, MethodScore::oodAuroc, false);
      out.printf(
          Locale.ROOT,
          "%n... and FPR95: share of stitched activations accepted as ID at 95%% TPR on g's own%n");
      printPairs(out, result.stitches(), methods, MethodScore::oodFpr95, false);
    }
    if (!result.detectors().isEmpty()) {
      printDetectors(out, spec, result.detectors());
    }
    if (!result.probes().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "%nLinear probe test accuracy by retained rank (%d samples per split)%n",
          spec.analysis().samples());
      printCurves(out, "layer", result.probes().stream().map(p -> p.accuracy()).toList());
    }
    if (!result.similarities().isEmpty()) {
      out.printf(Locale.ROOT, "%nLinear CKA by retained rank%n");
      printCurves(out, "pair", result.similarities().stream().map(s -> s.cka()).toList());
      out.printf(Locale.ROOT, "%nOrthogonal Procrustes distance by retained rank%n");
      printCurves(out, "pair", result.similarities().stream().map(s -> s.procrustes()).toList());
    }
    for (StitchResult s : result.stitches()) {
      s.warnings().forEach(w -> out.println("warning: " + w));
    }
    out.println();
    out.println("Workflow  " + workflowId);
    out.println("Plot      " + result.plot().uri());
    timings.printSummary(out, result.totalSteps(), result.cachedSteps());
  }

  /** The detector table, with what fine-tuned each detector and what evaluated it. */
  private static void printDetectors(
      PrintWriter out, StitchingSpec spec, List<OodDetector> detectors) {
    var counts = detectors.get(0).images();
    out.printf(
        Locale.ROOT,
        "%nEnergy OOD detectors: cross-entropy on ID classes %s (train split, %d images), energy"
            + " fine-tuning against %s (train split, %d images)%n"
            + "evaluated on ID classes %s (test split, %d images) vs %s (test split, %d images)%n",
        spec.classes(),
        counts.idTrain(),
        spec.ood().exposure().label(),
        counts.exposure(),
        spec.classes(),
        counts.idTest(),
        spec.ood().test().label(),
        counts.oodTest());
    TextTable table = new TextTable("layer", "ID acc", "AUROC", "FPR95", "threshold");
    for (OodDetector d : detectors) {
      table.row(d.layer().label(), d.idAccuracy(), d.auroc(), d.fpr95(), d.threshold());
    }
    table.print(out);
  }

  private static List<String> methods(List<StitchResult> stitches) {
    Set<String> names = new LinkedHashSet<>();
    stitches.forEach(s -> s.methods().forEach(m -> names.add(m.method())));
    return List.copyOf(names);
  }

  private static void printPairs(
      PrintWriter out,
      List<StitchResult> stitches,
      List<String> methods,
      Function<MethodScore, Double> value,
      boolean withModels) {
    List<String> header =
        new ArrayList<>(withModels ? List.of("pair", "kind", "f acc", "g acc") : List.of("pair"));
    header.addAll(methods);
    TextTable table = new TextTable(header.toArray(String[]::new));
    for (StitchResult s : stitches) {
      List<Object> row = new ArrayList<>(List.of(s.pair().label()));
      if (withModels) {
        row.addAll(List.of(s.kind(), s.frontAccuracy(), s.endAccuracy()));
      }
      for (String method : methods) {
        row.add(
            s.methods().stream()
                .filter(m -> m.method().equals(method))
                .findFirst()
                .map(value)
                .map(v -> (Object) v)
                .orElse("-"));
      }
      table.row(row.toArray());
    }
    table.print(out);
  }

  /** One row per curve; columns are the ranks of all curves, the full rank last. */
  private static void printCurves(PrintWriter out, String first, List<RankCurve> curves) {
    Set<Integer> ranks = new java.util.TreeSet<>();
    curves.forEach(c -> ranks.addAll(c.ranks().subList(0, c.ranks().size() - 1)));
    List<String> header = new ArrayList<>(List.of(first));
    ranks.forEach(r -> header.add("r=" + r));
    header.add("full");
    header.add("full rank");
    TextTable table = new TextTable(header.toArray(String[]::new));
    for (RankCurve c : curves) {
      List<Object> row = new ArrayList<>(List.of(c.name().substring(c.name().indexOf(' ') + 1)));
      for (int r : ranks) {
        int i = c.ranks().subList(0, c.ranks().size() - 1).indexOf(r);
        row.add(i < 0 ? "-" : (Object) c.values().get(i));
      }
      row.add(c.values().get(c.values().size() - 1));
      row.add(c.ranks().get(c.ranks().size() - 1));
      table.row(row.toArray());
    }
    table.print(out);
  }
}
