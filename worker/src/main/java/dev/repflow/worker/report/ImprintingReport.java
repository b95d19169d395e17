package dev.repflow.worker.report;

import dev.repflow.imprinting.ImprintingResult;
import dev.repflow.imprinting.ImprintingSpec;
import dev.repflow.imprinting.ImprintingSummary;
import dev.repflow.imprinting.RankedRun;
import dev.repflow.reports.RunTimings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints a finished {@link dev.repflow.imprinting.ImprintingWorkflow} run for the terminal. */
public final class ImprintingReport {
  private ImprintingReport() {}

  public static void print(
      PrintWriter out,
      String workflowId,
      ImprintingSpec spec,
      ImprintingResult result,
      RunTimings timings) {
    ImprintingSummary s = result.summary();
    var backbone = result.backbone();
    out.println();
    out.printf(
        Locale.ROOT,
        "Backbone %s pretrained on classes %s: train accuracy %.4f%n",
        backbone.model().label(),
        spec.pretrain().classes(),
        backbone.trainAccuracy());
    out.printf(
        Locale.ROOT,
        "%d imprinting runs (NORMpre|GEN|NORMpost|NORMinf|AGG) x %d tasks; %d memoized from"
            + " earlier runs.%nCompared (cd.include, then the best distinct runs by mean"
            + " accuracy), best average rank first:%n%n",
        s.runs(),
        s.tasks().size(),
        result.memoizedRuns());
    List<String> header = new ArrayList<>(List.of("run", "avg rank", "mean acc"));
    header.addAll(s.tasks());
    TextTable table = new TextTable(header.toArray(String[]::new));
    for (RankedRun r : s.top()) {
      List<Object> row =
          new ArrayList<>(List.of(r.id(), fmt(r.averageRank(), 2), fmt(r.meanAccuracy(), 4)));
      r.accuracies().forEach(a -> row.add(fmt(a, 4)));
      table.row(row.toArray());
    }
    table.print(out);
    out.printf(
        Locale.ROOT,
        "%nFriedman chi2 = %.3f, p = %.3g. Groups without significant differences"
            + " (Wilcoxon signed-rank, Holm, alpha %s):%n",
        s.friedmanChi2(),
        s.friedmanP(),
        spec.cd().alpha());
    for (List<String> clique : s.cliques()) {
      out.println("  { " + String.join(", ", clique) + " }");
    }
    out.println();
    out.println("Workflow  " + workflowId);
    out.println("Table     " + s.table().uri());
    out.println("CD (SVG)  " + s.diagram().uri());
    timings.printSummary(out, result.totalSteps(), result.cachedSteps());
  }

  private static String fmt(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }
}
