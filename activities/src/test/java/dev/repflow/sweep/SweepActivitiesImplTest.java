package dev.repflow.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.LocalArtifactStore;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.TextArtifacts;
import dev.repflow.reports.Metric;
import dev.repflow.reports.ReportKeys;
import dev.repflow.reports.RunDocument;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mean +- std per group from the points' own report data, and a report that shows them. */
class SweepActivitiesImplTest {
  @TempDir Path dir;

  @Test
  void aggregatesEveryCompletedPointPerGroup() {
    LocalArtifactStore store = new LocalArtifactStore(dir, "repflow");
    // Group k=5: seeds give 0.7, 0.8, 0.9; group k=20: one seed failed, two give 0.6 and 0.8.
    double[][] acc = {{0.7, 0.8, 0.9}, {0.6, Double.NaN, 0.8}};
    List<PointOutcome> points = new java.util.ArrayList<>();
    for (int g = 0; g < 2; g++) {
      for (int s = 0; s < 3; s++) {
        int index = 3 * g + s;
        String id = "sw-p00" + index;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("evaluate.k", g == 0 ? 5 : 20);
        params.put("pretrain.seed", s + 1);
        boolean failed = Double.isNaN(acc[g][s]);
        points.add(
            new PointOutcome(
                index,
                id,
                "evaluate.k=" + params.get("evaluate.k"),
                params,
                failed ? "unlucky" : null));
        if (!failed) {
          writeDoc(store, id, acc[g][s]);
        }
      }
    }
    SweepSpec spec =
        new SweepSpec(
            Map.of("pipeline", "transfer", "experiment", "sw"),
            Map.of("pretrain.seed", List.of(1, 2, 3)),
            Map.of("evaluate.k", List.of(5, 20)),
            0,
            0,
            null);

    SweepSummary summary =
        new SweepActivitiesImpl(store, id -> Optional.empty())
            .report(new SweepReportRequest("sw", new RunContext("sw", true), spec, points));

    GroupSummary k5 = summary.groups().get(0);
    MetricStats s5 = k5.metrics().get(0);
    assertEquals("knn embeddings / accuracy", s5.name());
    assertEquals(3, s5.n());
    assertEquals(0.8, s5.mean(), 1e-12);
    assertEquals(0.1, s5.std(), 1e-12);
    assertEquals(Map.of("evaluate.k", 5), k5.values());
    GroupSummary k20 = summary.groups().get(1);
    assertEquals(2, k20.completed());
    assertEquals(1, k20.failed());
    assertEquals(0.7, k20.metrics().get(0).mean(), 1e-12);
    assertEquals(Math.sqrt(0.02), k20.metrics().get(0).std(), 1e-12);
    Metric headline = summary.report().headline().get(0);
    assertEquals("knn embeddings / accuracy", headline.name());
    assertEquals(0.8, headline.value(), 1e-12);

    Document html = Jsoup.parse(TextArtifacts.read(store, summary.report().html()));
    String text = html.text();
    assertTrue(text.contains("0.8000 ± 0.1000 (n=3)"), text);
    assertTrue(text.contains("0.7000 ± 0.1414 (n=2)"), text);
    assertTrue(text.contains("failed: unlucky"), text);
    RunDocument doc = JsonArtifacts.read(store, summary.report().data(), RunDocument.class);
    assertEquals(6, doc.sweep().points().size());
    assertEquals(0.9, doc.sweep().points().get(2).metrics().get(0).value());
  }

  private static void writeDoc(LocalArtifactStore store, String id, double accuracy) {
    List<Metric> metrics = List.of(new Metric("knn embeddings / accuracy", accuracy));
    RunDocument doc =
        new RunDocument(
            RunDocument.FORMAT,
            id,
            "TransferEvalWorkflow",
            "transfer",
            "sw",
            "",
            "",
            Map.of(),
            metrics,
            metrics,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            null);
    JsonArtifacts.put(store, ReportKeys.folder("sw", id) + ReportKeys.DATA, doc);
  }
}
