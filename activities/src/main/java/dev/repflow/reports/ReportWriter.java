package dev.repflow.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.TextArtifacts;
import dev.repflow.numerics.CpuNumerics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a report folder: one SVG and one CSV per plot, {@code run.json}, and {@code report.html}
 * last (so a report page never points at data that is not there yet).
 */
public final class ReportWriter {
  private static final ObjectMapper PRETTY =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final ArtifactStore store;

  public ReportWriter(ArtifactStore store) {
    this.store = store;
  }

  /** The plots' SVG: the pipeline's own where it drew one, else a line chart of its series. */
  public Map<String, String> svgs(Iterable<ReportPlot> plots) {
    Map<String, String> svgs = new LinkedHashMap<>();
    for (ReportPlot plot : plots) {
      svgs.put(
          plot.name(),
          plot.source() != null
              ? TextArtifacts.read(store, source(plot.source()))
              : LineChart.svg(
                  plot.title(), plot.xLabel(), plot.yLabel(), plot.logX(), plot.series()));
    }
    return svgs;
  }

  public RunReport write(RunDocument doc, Map<String, String> svgs) {
    String folder = ReportKeys.folder(doc.experiment(), doc.workflowId());
    for (ReportPlot plot : doc.plots()) {
      TextArtifacts.put(store, folder + plot.svgFile(), svgs.get(plot.name()), "svg");
      TextArtifacts.put(store, folder + plot.csvFile(), Csv.of(plot.data()), "csv");
    }
    ArtifactRef data = JsonArtifacts.put(store, folder + ReportKeys.DATA, doc);
    String html = HtmlReport.render(doc, pretty(doc.spec()), svgs);
    ArtifactRef page = TextArtifacts.put(store, folder + ReportKeys.HTML, html, "html");
    return new RunReport(page, data, doc.headline());
  }

  /** The existing object at {@code uri} in this store, with its recorded sha256. */
  private ArtifactRef source(String uri) {
    String prefix = "s3://" + store.bucket() + "/";
    if (!uri.startsWith(prefix)) {
      throw new IllegalArgumentException("plot " + uri + " is not in bucket " + store.bucket());
    }
    return store
        .find(uri.substring(prefix.length()))
        .orElseThrow(() -> new IllegalArgumentException("plot " + uri + " does not exist"));
  }

  public static String written() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** This build and the CPU numerics it computes with. */
  public static String codeVersion() {
    String version = ReportWriter.class.getPackage().getImplementationVersion();
    return "repflow "
        + (version == null ? "dev" : version)
        + ", numerics "
        + CpuNumerics.active().tag();
  }

  static String pretty(Object json) {
    try {
      return PRETTY.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("spec is not serializable: " + e.getOriginalMessage(), e);
    }
  }
}
