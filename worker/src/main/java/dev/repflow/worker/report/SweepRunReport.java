package dev.repflow.worker.report;

import dev.repflow.reports.RunTimings;
import dev.repflow.reports.SweepTables;
import dev.repflow.sweep.MetricStats;
import dev.repflow.sweep.PointOutcome;
import dev.repflow.sweep.SweepResult;
import dev.repflow.sweep.SweepSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints a finished sweep for the terminal: mean +- std per group and metric, failed points. */
public final class SweepRunReport {
  /** Metrics per group shown in the terminal; the report has all of them. */
  static final int METRICS_SHOWN = 8;

  private SweepRunReport() {}

  public static void print(
      PrintWriter out, String workflowId, SweepSpec spec, SweepResult result, RunTimings timings) {
    long failed = result.points().stream().filter(p -> !p.ok()).count();
    out.println();
    out.printf(
        Locale.ROOT,
        "Sweep of %s: %d points (%d groups x %d seed(s)), %d completed, %d failed%n",
        spec.pipeline(),
        result.points().size(),
        result.groups().size(),
        spec.replicates(),
        result.points().size() - failed,
        failed);
    if (!spec.seeds().isEmpty()) {
      out.println("mean +- sample std over seeds " + spec.seeds().keySet());
    }
    out.println();
    List<String> names = SweepTables.metricNames(result.groups());
    List<String> shown = names.subList(0, Math.min(METRICS_SHOWN, names.size()));
    List<String> header = new ArrayList<>(List.of("metric"));
    result.groups().forEach(g -> header.add(g.group()));
    TextTable table = new TextTable(header.toArray(String[]::new));
    SweepTables.meanStdRows(result.groups(), shown, SweepRunReport::meanStd)
        .forEach(row -> table.row(row.toArray()));
    table.print(out);
    if (names.size() > shown.size()) {
      out.printf("(%d more metrics in the report)%n", names.size() - shown.size());
    }
    for (PointOutcome p : result.points()) {
      if (!p.ok()) {
        out.println("point " + p.index() + " " + p.params() + " failed: " + p.error());
      }
    }
    out.println();
    out.println("Workflow  " + workflowId + " (points " + workflowId + "-p000 ...)");
    if (result.report() == null) {
      out.println("Report    (not written; see the sweep's report.html stage)");
    }
    // The points' activities run in their own workflows: only the wall time is meaningful here.
    out.printf(Locale.ROOT, "%nWall time %.1f s.%n", timings.wall().toMillis() / 1000.0);
    out.flush();
  }

  private static String meanStd(MetricStats s) {
    return s.n() == 1
        ? String.format(Locale.ROOT, "%.4f (n=1)", s.mean())
        : String.format(Locale.ROOT, "%.4f+-%.4f (n=%d)", s.mean(), s.std(), s.n());
  }
}
