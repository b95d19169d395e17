package dev.repflow.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.ArtifactRef;
import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class SeveritySummaryTest {
  private static final ArtifactRef REF =
      new ArtifactRef("s3://b/p.h5", "0".repeat(64), 1, List.of(), "hdf5");

  private static CorruptionMetrics cell(String model, String corruption, double... accuracy) {
    List<SeverityMetrics> m =
        java.util.stream.IntStream.range(0, accuracy.length)
            .mapToObj(
                i ->
                    new SeverityMetrics(
                        corruption.equals("clean") ? 0 : i + 1, 10, accuracy[i], 0.1 * i, 20, 1, 0))
            .toList();
    return new CorruptionMetrics(model, corruption, m, REF, false);
  }

  @Test
  void averagesEachSeverityOverCorruptions() {
    List<SummaryRow> rows =
        SeveritySummary.of(
            List.of(
                cell("standard", "clean", 0.9),
                cell("standard", "fog", 0.8, 0.6),
                cell("standard", "snow", 0.6, 0.2),
                cell("anchored-a0.25", "fog", 0.7, 0.5)));

    assertEquals(5, rows.size());
    assertEquals(new SummaryRow("standard", 0, 1, 0.9, 0.0, 20, 1, 0), rows.get(0));
    assertEquals(0.7, rows.get(1).accuracy(), 1e-12);
    assertEquals(2, rows.get(1).corruptions());
    assertEquals(0.4, rows.get(2).accuracy(), 1e-12);
    assertEquals(0.1, rows.get(2).ece(), 1e-12);
    assertEquals("anchored-a0.25", rows.get(3).model());
  }

  @Test
  void plotsOneCurvePerModelInEachPanelAsValidSvg() throws Exception {
    List<SummaryRow> rows =
        SeveritySummary.of(
            List.of(cell("standard", "fog", 0.8, 0.6), cell("anchored-a0.25", "fog", 0.7, 0.5)));
    String svg = SeverityPlot.svg(rows);

    var doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(svg)));
    assertEquals("svg", doc.getDocumentElement().getTagName());
    assertEquals(4, doc.getElementsByTagName("polyline").getLength());
    assertTrue(svg.contains("anchored-a0.25") && svg.contains("ECE (20 bins) vs severity"));
  }
}
