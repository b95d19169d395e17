package dev.repflow.anchoring;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;
import java.util.List;

/**
 * The result table and plot of a run.
 *
 * @param table JSON artifact: the summary rows and every (model, corruption, severity) cell
 * @param plot SVG artifact: accuracy and ECE against severity, one line per model
 * @param rows models x severities, averaged over corruptions
 */
public record AnchoringReport(
    ArtifactRef table, ArtifactRef plot, List<SummaryRow> rows, boolean cached)
    implements StepOutcome {

  public AnchoringReport {
    rows = List.copyOf(rows);
  }

  @Override
  public String summary() {
    return plot.uri();
  }
}
