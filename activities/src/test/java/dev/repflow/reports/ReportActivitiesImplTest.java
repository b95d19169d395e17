package dev.repflow.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.anchoring.AnchorTraining;
import dev.repflow.anchoring.AnchoredModel;
import dev.repflow.anchoring.AnchoringReport;
import dev.repflow.anchoring.AnchoringResult;
import dev.repflow.anchoring.AnchoringSpec;
import dev.repflow.anchoring.AnchoringWorkflow;
import dev.repflow.anchoring.CorruptionSpec;
import dev.repflow.anchoring.InferenceSpec;
import dev.repflow.anchoring.ModelVariant;
import dev.repflow.anchoring.SummaryRow;
import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.LocalArtifactStore;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.TextArtifacts;
import dev.repflow.data.DatasetSpec;
import dev.repflow.eval.KnnResult;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.PretrainSpec;
import dev.repflow.models.TrainedBackbone;
import dev.repflow.transfer.TransferEvalResult;
import dev.repflow.transfer.TransferEvalSpec;
import dev.repflow.transfer.TransferEvalWorkflow;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a run parses as HTML and shows the run's own numbers, plots and lineage. */
class ReportActivitiesImplTest {
  @TempDir Path dir;
  private LocalArtifactStore store;
  private ReportActivitiesImpl reports;

  @BeforeEach
  void setUp() {
    store = new LocalArtifactStore(dir, "repflow");
    reports = new ReportActivitiesImpl(store, id -> Optional.empty());
  }

  @Test
  void transferReportShowsTheKnnTableConfigAndLineage() {
    TransferEvalSpec spec =
        new TransferEvalSpec(
            null,
            "exp-r",
            DatasetSpec.fashionMnist(null, 10, 5),
            new ModelSpec("cnn", 8, 16),
            new PretrainSpec(List.of(0, 1, 2, 3, 4), 1, 32, 0.001, 7),
            new TransferEvalSpec.Evaluate(List.of(5, 6, 7, 8, 9), 20, true),
            true);
    ArtifactRef checkpoint = ref("exp-r/pretrain/ck.params", "params");
    TransferEvalResult result =
        new TransferEvalResult(
            new TrainedBackbone(checkpoint, spec.model(), 5, 0.9164, 0.2312, false, null),
            ref("exp-r/embed/train.h5", "hdf5"),
            ref("exp-r/embed/test.h5", "hdf5"),
            List.of(
                new KnnResult(
                    "embeddings",
                    ref("exp-r/knn/e.json", "json"),
                    20,
                    5000,
                    128,
                    0.9252,
                    0.9251,
                    false),
                new KnnResult(
                    "pixels",
                    ref("exp-r/knn/p.json", "json"),
                    20,
                    5000,
                    784,
                    0.9244,
                    0.9243,
                    false)),
            0,
            7);

    RunReport report =
        reports.write(
            new RunReportRequest(
                "run/1", TransferEvalWorkflow.TYPE, new RunContext("exp-r", true), spec, result));

    assertEquals("s3://repflow/exp-r/reports/run_1/report.html", report.html().uri());
    assertEquals(List.of(new Metric("knn embeddings / accuracy", 0.9252)), report.headline());
    Document html = Jsoup.parse(TextArtifacts.read(store, report.html()));
    assertEquals("repflow run/1", html.title());
    Element knn = table(html, "kNN accuracy");
    assertTrue(knn.text().contains("embeddings 128 5000 0.9252 0.9251"), knn.text());
    assertTrue(knn.text().contains("pixels 784 5000 0.9244 0.9243"), knn.text());
    assertTrue(html.select("pre").text().contains("\"experiment\" : \"exp-r\""));
    Element lineage = table(html, "Lineage");
    assertTrue(lineage.text().contains("backbone.checkpoint " + checkpoint.uri()));
    assertTrue(lineage.text().contains(checkpoint.sha256()));
    assertTrue(lineage.text().contains("evaluations[pixels].report"), lineage.text());
    assertTrue(html.select("link[href], script[src], img[src^=http]").isEmpty(), "self-contained");

    RunDocument doc = JsonArtifacts.read(store, report.data(), RunDocument.class);
    assertTrue(doc.metrics().contains(new Metric("knn pixels / accuracy", 0.9244)));
    assertTrue(doc.metrics().contains(new Metric("pretrain / train loss", 0.2312)));
  }

  @Test
  void anchoringReportEmbedsThePipelinePlotAndWritesItsDataAsCsv() {
    ArtifactRef plot =
        TextArtifacts.put(store, "exp-a/report/plot.svg", "<svg id=\"pipeline-plot\"/>", "svg");
    AnchoringSpec spec =
        new AnchoringSpec(
            null,
            "exp-a",
            null,
            new ModelSpec("cnn", 8, 16),
            new AnchorTraining(2, 32, null, null, null, 7, List.of(0.0), true),
            new CorruptionSpec(List.of("fog"), List.of(1, 5), 3L, null),
            new InferenceSpec(2, null, null, 0, 0),
            true);
    AnchoringResult result =
        new AnchoringResult(
            List.of(
                new AnchoredModel(
                    ModelVariant.standard(),
                    spec.model(),
                    10,
                    ref("exp-a/m.params", "params"),
                    2,
                    0.9,
                    0.3,
                    false,
                    null)),
            new AnchoringReport(
                ref("exp-a/report/t.json", "json"),
                plot,
                List.of(
                    new SummaryRow("standard", 0, 1, 0.882, 0.037, 20, 0.4, 0),
                    new SummaryRow("standard", 1, 1, 0.833, 0.05, 20, 0.5, 0),
                    new SummaryRow("standard", 5, 1, 0.543, 0.2, 20, 1.5, 0)),
                false),
            0,
            5);

    RunReport report =
        reports.write(
            new RunReportRequest(
                "a1", AnchoringWorkflow.TYPE, new RunContext("exp-a", true), spec, result));

    Document html = Jsoup.parse(TextArtifacts.read(store, report.html()));
    assertNotNull(html.getElementById("pipeline-plot"), "the pipeline's own SVG is inline");
    assertEquals(List.of(new Metric("standard severity 5 / accuracy", 0.543)), report.headline());
    String csv =
        TextArtifacts.read(store, store.find("exp-a/reports/a1/severity.csv").orElseThrow());
    assertTrue(csv.startsWith("series,x,y\r\nstandard accuracy,0,0.882000\r\n"), csv);
    assertTrue(csv.contains("standard ECE,5,0.200000"), csv);
    assertTrue(store.find("exp-a/reports/a1/severity.svg").isPresent());
    String link = html.select("figcaption a[download]").attr("href");
    assertTrue(link.startsWith("data:text/csv;charset=utf-8,series%2Cx%2Cy"), link);
  }

  private static Element table(Document html, String title) {
    Element heading =
        html.select("h2").stream()
            .filter(h -> h.text().equals(title))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no table " + title));
    Element next = heading.nextElementSibling();
    while (!next.tagName().equals("table")) {
      next = next.nextElementSibling();
    }
    return next;
  }

  private static ArtifactRef ref(String key, String format) {
    String sha = String.format("%064x", Math.abs((long) key.hashCode()));
    return new ArtifactRef("s3://repflow/" + key, sha, 100, List.of(), format);
  }
}
