package dev.repflow.reports;

import dev.repflow.imprinting.ImprintingResult;
import dev.repflow.imprinting.ImprintingSpec;
import dev.repflow.imprinting.RankedRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Report of an imprinting grid: the compared runs by average rank, the Friedman test, the CD plot.
 */
final class ImprintingLayout {
  private ImprintingLayout() {}

  static void describe(ImprintingSpec spec, ImprintingResult result, Sections out) {
    var summary = result.summary();
    out.line(
        "%d configurations x %d tasks (%d memoized); Friedman chi2 %.3f, p = %.3g.",
        summary.runs(),
        summary.tasks().size(),
        result.memoizedRuns(),
        summary.friedmanChi2(),
        summary.friedmanP());
    if (!summary.cliques().isEmpty()) {
      out.line("Not significantly different (Holm-corrected Wilcoxon): %s.", summary.cliques());
    }
    out.metric("Friedman p", summary.friedmanP());
    List<String> header = new ArrayList<>(List.of("run", "mean accuracy", "average rank"));
    header.addAll(summary.tasks());
    var table =
        out.table("Compared runs, best average rank first", "", header.toArray(String[]::new));
    List<List<String>> cdRows = new ArrayList<>();
    boolean first = true;
    for (RankedRun run : summary.top()) {
      List<Object> row = new ArrayList<>(List.of(run.id(), run.meanAccuracy(), run.averageRank()));
      row.addAll(run.accuracies());
      table.row(row);
      cdRows.add(
          List.of(run.id(), Sections.cell(run.averageRank()), Sections.cell(run.meanAccuracy())));
      if (first) {
        out.headline(run.id() + " / mean accuracy", run.meanAccuracy());
      } else {
        out.metric(run.id() + " / mean accuracy", run.meanAccuracy());
      }
      out.metric(run.id() + " / average rank", run.averageRank());
      first = false;
    }
    out.plot(
        new ReportPlot(
            "critical-difference",
            "Critical-difference diagram",
            "average rank",
            "",
            false,
            summary.diagram().uri(),
            List.of(),
            new ReportTable(
                "average rank per run",
                "",
                List.of("run", "average rank", "mean accuracy"),
                cdRows)));
  }
}
