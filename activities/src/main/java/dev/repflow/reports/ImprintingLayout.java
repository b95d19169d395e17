package dev.repflow.reports;

import dev.repflow.imprinting.ImprintingResult;
import dev.repflow.imprinting.ImprintingSpec;
import dev.repflow.imprinting.MethodScore;
import dev.repflow.imprinting.RankedMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * Report of an imprinting grid: the grid's best methods, the compared methods by average rank, the
 * Friedman test and the critical-difference diagram.
 */
final class ImprintingLayout {
  private ImprintingLayout() {}

  static void describe(ImprintingSpec spec, ImprintingResult result, Sections out) {
    var summary = result.summary();
    out.line(
        "%d imprinting runs (methods x seeds %s) x %d tasks, %d memoized; a method's accuracy on"
            + " a task is the median over its seeds.",
        summary.runs(), summary.seeds(), summary.tasks().size(), result.memoizedRuns());
    out.line(
        "Friedman chi2 %.3f, p = %.3g over the compared methods (alpha %s).",
        summary.friedmanChi2(), summary.friedmanP(), spec.cd().alpha());
    if (summary.friedmanP() < spec.cd().alpha()) {
      out.line(
          "Groups without significant differences (Wilcoxon signed-rank, Holm): %s%s.",
          summary.cliques(), summary.cliquesComplete() ? "" : " and more (see the tests JSON)");
    }
    out.metric("Friedman p", summary.friedmanP());

    List<String> leaderHeader = new ArrayList<>(List.of("method", "mean accuracy"));
    leaderHeader.addAll(summary.tasks());
    var leaders =
        out.table(
            "Best methods of the grid by mean accuracy",
            "orientation only: these are not what the tests compare",
            leaderHeader.toArray(String[]::new));
    for (MethodScore m : summary.leaders()) {
      List<Object> row = new ArrayList<>(List.of(m.id(), m.meanAccuracy()));
      row.addAll(m.accuracies());
      leaders.row(row);
    }

    List<String> header = new ArrayList<>(List.of("method", "average rank", "mean accuracy"));
    header.addAll(summary.tasks());
    var compared =
        out.table(
            "Compared methods, best average rank first",
            spec.cd().methods().isEmpty()
                ? "every method of the grid"
                : "cd.methods, fixed before the run",
            header.toArray(String[]::new));
    List<List<String>> cdRows = new ArrayList<>();
    boolean first = true;
    for (RankedMethod m : summary.compared()) {
      List<Object> row = new ArrayList<>(List.of(m.id(), m.averageRank(), m.meanAccuracy()));
      row.addAll(m.accuracies());
      compared.row(row);
      cdRows.add(List.of(m.id(), Sections.cell(m.averageRank()), Sections.cell(m.meanAccuracy())));
      if (first) {
        out.headline(m.id() + " / mean accuracy", m.meanAccuracy());
      } else {
        out.metric(m.id() + " / mean accuracy", m.meanAccuracy());
      }
      out.metric(m.id() + " / average rank", m.averageRank());
      first = false;
    }
    out.plot(
        new ReportPlot(
            "critical-difference",
            "Critical-difference diagram of the compared methods",
            "average rank",
            "",
            false,
            summary.diagram().uri(),
            List.of(),
            new ReportTable(
                "average rank per method",
                "",
                List.of("method", "average rank", "mean accuracy"),
                cdRows)));
  }
}
