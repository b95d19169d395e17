package dev.repflow.worker.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.reports.Metric;
import dev.repflow.reports.PlotSeries;
import dev.repflow.reports.ReportPlot;
import dev.repflow.reports.ReportTable;
import dev.repflow.reports.RunDocument;
import dev.repflow.reports.SweepData;
import dev.repflow.sweep.GroupSummary;
import dev.repflow.sweep.MetricStats;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The compare view's content: differences, metric columns (sweep groups too), overlaid plots. */
class ComparisonTest {
  @Test
  void overlaysEveryRunsLinesAndListsMetricsPerRunAndSweepGroup() {
    RunDocument a = run("a", 3, 0.81, List.of(0.9, 0.7, 0.5));
    RunDocument b = run("b", 5, 0.84, List.of(0.92, 0.75, 0.6));
    RunDocument sweep = sweep("s");

    Document page = Jsoup.parse(ComparePage.render(Comparison.of(List.of(a, b, sweep))));

    Element diff = page.getElementById("config-diff");
    assertEquals("train.epochs 3 5 3", row(diff, "train.epochs"));
    assertEquals("sweep.seeds.train.seed [1, 2]", row(diff, "sweep.seeds.train.seed"));
    assertEquals(
        "standard severity 5 / accuracy 0.8100 0.8400 0.8000 ± 0.0100 (n=2)",
        row(page.getElementById("metrics"), "standard severity 5 / accuracy"));
    Element svg = page.selectFirst("figure svg");
    assertEquals(2, svg.select("polyline").size(), "one line per run that has the plot");
    assertTrue(svg.text().contains("a: standard accuracy"), svg.text());
    assertTrue(svg.text().contains("b: standard accuracy"), svg.text());
  }

  @Test
  void onlyRunsOfOnePipelineCompare() {
    RunDocument a = run("a", 3, 0.8, List.of(0.9));
    RunDocument other =
        new RunDocument(
            1,
            "x",
            "FungiWorkflow",
            "fungi",
            "e",
            "",
            "",
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            null);
    var e = assertThrows(IllegalArgumentException.class, () -> Comparison.of(List.of(a, other)));
    assertTrue(e.getMessage().contains("anchoring, fungi"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Comparison.of(List.of(a)));
  }

  private static String row(Element table, String key) {
    return table.select("tr").stream()
        .filter(r -> !r.select("td").isEmpty() && r.child(0).text().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError(key + " not in " + table.text()))
        .text();
  }

  private static RunDocument run(String id, int epochs, double sev5, List<Double> accuracy) {
    PlotSeries line =
        new PlotSeries(
            "standard accuracy", List.of(0.0, 1.0, 5.0).subList(0, accuracy.size()), accuracy);
    ReportPlot plot =
        new ReportPlot(
            "severity",
            "Accuracy vs severity",
            "severity",
            "accuracy",
            false,
            null,
            List.of(line),
            new ReportTable("data", "", List.of("series", "x", "y"), List.of()));
    return new RunDocument(
        1,
        id,
        "AnchoringWorkflow",
        "anchoring",
        "e",
        "",
        "",
        Map.of("experiment", "e", "train", Map.of("epochs", epochs)),
        List.of(),
        List.of(new Metric("standard severity 5 / accuracy", sev5)),
        List.of(),
        List.of(),
        List.of(plot),
        List.of(),
        null,
        null);
  }

  private static RunDocument sweep(String id) {
    GroupSummary group =
        new GroupSummary(
            "all",
            Map.of(),
            2,
            0,
            List.of(new MetricStats("standard severity 5 / accuracy", 2, 0.8, 0.01, 0.79, 0.81)));
    return new RunDocument(
        1,
        id,
        "SweepWorkflow",
        "anchoring",
        "e",
        "",
        "",
        Map.of(
            "base", Map.of("experiment", "e", "train", Map.of("epochs", 3)),
            "seeds", Map.of("train.seed", List.of(1, 2))),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        new SweepData(List.of("train.seed"), List.of(), List.of(group), List.of()));
  }
}
