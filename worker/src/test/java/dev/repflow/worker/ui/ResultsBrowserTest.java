package dev.repflow.worker.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.common.TaskQueues;
import dev.repflow.reports.RunDocument;
import dev.repflow.worker.cli.CliRun;
import dev.repflow.worker.cli.LocalCluster;
import dev.repflow.worker.cli.Pipelines;
import dev.repflow.worker.runs.RunCatalog;
import dev.repflow.worker.runs.StoredReports;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results browser in a real (headless) Chromium against a cluster with a finished run, a
 * finished sweep and a run in progress: list, run pages and the compare view show the runs' own
 * numbers. Screenshots go to {@code target/ui-*.png}.
 */
class ResultsBrowserTest {
  private static final String TINY = "src/test/resources/configs/tiny-transfer.yaml";
  private static final String SWEEP = "src/test/resources/configs/tiny-sweep.yaml";

  @TempDir Path dir;

  @Test
  void listRunPageAndCompareViewShowTheRunsNumbers() throws Exception {
    Chromium.require();
    try (LocalCluster cluster = new LocalCluster(dir)) {
      assertEquals(
          0, cluster.cli(true, "run", TINY, "--no-worker", "--workflow-id", "single").exitCode());
      assertEquals(
          0, cluster.cli(true, "run", SWEEP, "--no-worker", "--workflow-id", "sw").exitCode());
      // No GPU worker from here on: the next run stays in its pretraining stage.
      cluster.startWorkers(Set.of(TaskQueues.CPU));
      CliRun live =
          cluster.cli(
              true, "run", TINY, "--no-cache", "--no-worker", "--detach", "--workflow-id", "live");
      assertEquals(0, live.exitCode(), live.toString());

      StoredReports stored = new StoredReports(cluster.store());
      RunDocument single = stored.document("single").orElseThrow();
      RunDocument sweep = stored.document("sw").orElseThrow();
      RunDocument point = stored.document("sw-p002").orElseThrow();
      RunCatalog catalog = new RunCatalog(cluster.connection(), Pipelines.workflowTypes());
      try (ResultsServer server = ResultsServer.start(0, catalog, stored, "test cluster")) {
        URI base = server.uri();

        Document list = dom(base);
        Element singleRow = list.selectFirst("#runs tr[data-run=single]");
        assertNotNull(singleRow, list.html());
        assertTrue(singleRow.text().contains("COMPLETED"), singleRow.text());
        assertEquals(headline(single), singleRow.selectFirst("td.headline").text());
        assertTrue(list.selectFirst("#runs tr[data-run=sw]").text().contains("transfer (sweep)"));
        assertTrue(list.selectFirst("#runs tr[data-run=sw-p003]").text().contains("point of sw"));
        assertTrue(list.selectFirst("#runs tr[data-run=live]").text().contains("RUNNING"));
        Chromium.screenshot(base, Path.of("target/ui-runs.png"));

        Document runPage = dom(base.resolve("/runs/single"));
        String knn = table(runPage, "kNN accuracy").text();
        assertTrue(knn.contains(format(single, "knn embeddings / accuracy")), knn);
        assertTrue(knn.contains(format(single, "knn pixels / accuracy")), knn);
        assertTrue(dom(base.resolve("/runs/single/report.html")).title().equals("repflow single"));

        Document sweepPage = dom(base.resolve("/runs/sw"));
        String groups = table(sweepPage, "Mean ± std per group").text();
        assertTrue(groups.contains(meanStd(sweep, 1)), groups);
        Chromium.screenshot(base.resolve("/runs/sw"), Path.of("target/ui-sweep.png"));

        Document livePage = dom(base.resolve("/runs/live"));
        assertNotNull(livePage.selectFirst("meta[http-equiv=refresh]"), "reloads while running");
        assertTrue(livePage.selectFirst("#progress").text().contains("stages finished"));
        assertTrue(livePage.text().contains("pretrain running"), livePage.text());
        Chromium.screenshot(base.resolve("/runs/live"), Path.of("target/ui-live.png"));

        URI compare = base.resolve("/compare?id=single&id=sw&id=sw-p002");
        Document comparePage = dom(compare);
        Element diff = comparePage.selectFirst("#config-diff");
        assertTrue(rowText(diff, "evaluate.k").startsWith("evaluate.k 5 5 7"), diff.text());
        assertTrue(rowText(diff, "sweep.values.evaluate.k").contains("[3, 7]"), diff.text());
        String accuracy = rowText(comparePage.selectFirst("#metrics"), "knn embeddings / accuracy");
        assertEquals(
            String.join(
                " ",
                "knn embeddings / accuracy",
                format(single, "knn embeddings / accuracy"),
                meanStd(sweep, 0),
                meanStd(sweep, 1),
                format(point, "knn embeddings / accuracy")),
            accuracy);
        Chromium.screenshot(compare, Path.of("target/ui-compare.png"));
      } finally {
        cluster.connection().client().newUntypedWorkflowStub("live").terminate("test over");
      }
    }
  }

  private static Document dom(URI page) throws Exception {
    return Jsoup.parse(Chromium.dumpDom(page), page.toString());
  }

  private static Element table(Document page, String title) {
    Element heading =
        page.select("h2").stream().filter(h -> h.text().equals(title)).findFirst().orElseThrow();
    Element next = heading.nextElementSibling();
    while (!next.tagName().equals("table")) {
      next = next.nextElementSibling();
    }
    return next;
  }

  private static String rowText(Element table, String firstCell) {
    return table.select("tr").stream()
        .filter(r -> !r.select("td").isEmpty() && r.child(0).text().equals(firstCell))
        .findFirst()
        .map(Element::text)
        .orElseThrow(() -> new AssertionError("no row " + firstCell + " in " + table.text()));
  }

  private static String format(RunDocument doc, String metric) {
    double value =
        doc.metrics().stream()
            .filter(m -> m.name().equals(metric))
            .findFirst()
            .orElseThrow()
            .value();
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static String headline(RunDocument doc) {
    var m = doc.headline().get(0);
    return String.format(Locale.ROOT, "%s = %.4f", m.name(), m.value());
  }

  /** Group {@code group}'s kNN accuracy as the pages print it: mean ± std (n=2). */
  private static String meanStd(RunDocument sweep, int group) {
    var stats =
        sweep.sweep().groups().get(group).metrics().stream()
            .filter(m -> m.name().equals("knn embeddings / accuracy"))
            .findFirst()
            .orElseThrow();
    return String.format(Locale.ROOT, "%.4f ± %.4f (n=%d)", stats.mean(), stats.std(), stats.n());
  }
}
