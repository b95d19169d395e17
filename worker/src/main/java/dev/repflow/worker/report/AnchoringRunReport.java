package dev.repflow.worker.report;

import dev.repflow.anchoring.AnchoredModel;
import dev.repflow.anchoring.AnchoringResult;
import dev.repflow.anchoring.AnchoringSpec;
import dev.repflow.anchoring.SummaryRow;
import dev.repflow.reports.AnchoredModelsTable;
import dev.repflow.reports.RunTimings;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a finished {@link dev.repflow.anchoring.AnchoringWorkflow} run for the terminal. */
public final class AnchoringRunReport {
  private AnchoringRunReport() {}

  public static void print(
      PrintWriter out,
      String workflowId,
      AnchoringSpec spec,
      AnchoringResult result,
      RunTimings timings) {
    out.println();
    out.printf(
        Locale.ROOT,
        "Models (%s, %d epochs SGD lr %s momentum %s wd %s, cosine, seed %d):%n",
        spec.model().label(),
        spec.train().epochs(),
        spec.train().learningRate(),
        spec.train().momentum(),
        spec.train().weightDecay(),
        spec.train().seed());
    TextTable models = new TextTable(AnchoredModelsTable.columns());
    result.models().forEach(m -> models.row(AnchoredModelsTable.row(m)));
    models.print(out);
    int bins = spec.inference().eceBins();
    out.printf(
        Locale.ROOT,
        "%nTest accuracy, ECE (L1, %d equal-width bins), NLL and anchor spread per severity (0 ="
            + " clean; 1-5 averaged over %d corruptions; %d anchor(s) per image, %s averaged):%n",
        bins,
        spec.corruptions().types().size(),
        spec.inference().anchors(),
        spec.inference().average());
    String ece = "ECE (" + bins + " bins)";
    TextTable table = new TextTable("model", "severity", "accuracy", ece, "NLL", "anchor spread");
    for (SummaryRow r : result.report().rows()) {
      table.row(r.model(), r.severity(), r.accuracy(), r.ece(), r.nll(), r.uncertainty());
    }
    table.print(out);

    out.println();
    out.println("Workflow  " + workflowId);
    out.println("Artifacts");
    TextTable artifacts = new TextTable("  artifact", "uri");
    for (AnchoredModel m : result.models()) {
      artifacts.row("  checkpoint " + m.variant().name(), m.checkpoint().uri());
    }
    artifacts.row("  table (JSON)", result.report().table().uri());
    artifacts.row("  plot (SVG)", result.report().plot().uri());
    artifacts.print(out);
    timings.printSummary(out, result.totalSteps(), result.cachedSteps());
  }
}
