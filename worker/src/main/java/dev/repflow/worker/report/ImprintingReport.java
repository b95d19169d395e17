package dev.repflow.worker.report;

import dev.repflow.imprinting.ImprintingResult;
import dev.repflow.imprinting.ImprintingSpec;
import dev.repflow.imprinting.ImprintingSummary;
import dev.repflow.imprinting.MethodScore;
import dev.repflow.imprinting.RankedMethod;
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
    if (backbone == null) {
      out.println("TorchScript backbone " + spec.torchscript());
    } else {
      out.println(PretrainedBackbone.describe(backbone, spec.pretrain().classes()));
    }
    out.printf(
        Locale.ROOT,
        "%d imprinting runs (NORMpre|GEN|NORMpost|NORMinf|AGG x seeds %s) x %d tasks; %d memoized"
            + " from earlier runs.%nA method's accuracy on a task is the median over its seeds.%n",
        s.runs(),
        s.seeds(),
        s.tasks().size(),
        result.memoizedRuns());
    out.printf(
        Locale.ROOT,
        "%nBest methods of the grid by mean accuracy (orientation only, not tested):%n%n");
    TextTable leaders = table(List.of("method", "mean acc"), s.tasks());
    for (MethodScore m : s.leaders()) {
      leaders.row(row(List.of(m.id(), fmt(m.meanAccuracy(), 4)), m.accuracies()));
    }
    leaders.print(out);
    out.printf(
        Locale.ROOT,
        "%nCompared methods (%s, fixed before the run), best average rank first:%n%n",
        spec.cd().methods().isEmpty() ? "every method of the grid" : "cd.methods");
    TextTable compared = table(List.of("method", "avg rank", "mean acc"), s.tasks());
    for (RankedMethod r : s.compared()) {
      compared.row(
          row(List.of(r.id(), fmt(r.averageRank(), 2), fmt(r.meanAccuracy(), 4)), r.accuracies()));
    }
    compared.print(out);
    boolean rejects = s.friedmanP() < spec.cd().alpha();
    out.printf(
        Locale.ROOT,
        "%nFriedman chi2 = %.3f, p = %.3g%s%n",
        s.friedmanChi2(),
        s.friedmanP(),
        rejects
            ? ". Groups without significant differences (Wilcoxon signed-rank, Holm, alpha "
                + spec.cd().alpha()
                + "):"
            : ": no significant differences among the compared methods at alpha "
                + spec.cd().alpha()
                + " (no pairwise tests).");
    if (rejects) {
      for (List<String> clique : s.cliques()) {
        out.println("  { " + String.join(", ", clique) + " }");
      }
      if (!s.cliquesComplete()) {
        out.println("  ... more groups than listed; see the tests JSON");
      }
    }
    out.println();
    out.println("Workflow  " + workflowId);
    out.println("Table     " + s.table().uri());
    out.println("CD (SVG)  " + s.diagram().uri());
    out.println("Tests     " + s.tests().uri());
    timings.printSummary(out, result.totalSteps(), result.cachedSteps());
  }

  private static TextTable table(List<String> first, List<String> tasks) {
    List<String> header = new ArrayList<>(first);
    header.addAll(tasks);
    return new TextTable(header.toArray(String[]::new));
  }

  private static Object[] row(List<String> first, List<Double> accuracies) {
    List<Object> row = new ArrayList<>(first);
    accuracies.forEach(a -> row.add(fmt(a, 4)));
    return row.toArray();
  }

  private static String fmt(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }
}
