package dev.repflow.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LineChartTest {
  @Test
  void oneEscapedPolylinePerSeriesInWellFormedSvg() throws Exception {
    String svg =
        LineChart.svg(
            "acc <vs> rank",
            "rank",
            "accuracy",
            true,
            List.of(
                new PlotSeries("probe A&B", List.of(1.0, 4.0, 64.0), List.of(0.2, 0.5, 0.9)),
                new PlotSeries("direct", List.of(2.0, 8.0), List.of(0.4, 0.7))));
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

    assertEquals(2, doc.getElementsByTagName("polyline").getLength());
    assertEquals(5, doc.getElementsByTagName("circle").getLength());
    assertTrue(svg.contains("probe A&amp;B"));
    assertTrue(svg.contains(">64</text>"), "log2 ticks at powers of two");
  }

  @Test
  void ticksAreRound() {
    List<Double> ticks = LineChart.ticks(0, 1);
    assertEquals(6, ticks.size());
    for (int i = 0; i < 6; i++) {
      assertEquals(0.2 * i, ticks.get(i), 1e-12);
    }
    assertEquals(List.of(0.0, 50.0, 100.0, 150.0), LineChart.ticks(0, 160));
  }
}
