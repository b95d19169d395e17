package dev.repflow.reports;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;
import java.util.List;

/**
 * A written report.
 *
 * @param html self-contained page: tables, plots, config, lineage, timings
 * @param data the same content as JSON ({@code run.json}), for the results browser and sweeps
 * @param headline the few metrics a run list shows, also stored in the run's memo
 */
public record RunReport(ArtifactRef html, ArtifactRef data, List<Metric> headline)
    implements StepOutcome {
  public RunReport {
    headline = List.copyOf(headline);
  }

  @Override
  public boolean cached() {
    return false;
  }

  @Override
  public String summary() {
    return html.uri();
  }
}
