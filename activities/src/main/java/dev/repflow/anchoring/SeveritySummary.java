package dev.repflow.anchoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result table: for each model and severity, the metrics averaged over corruptions with equal
 * weight (severity 0 is the clean test set).
 */
final class SeveritySummary {
  private SeveritySummary() {}

  /** Rows in model order of first appearance, then by severity. */
  static List<SummaryRow> of(List<CorruptionMetrics> cells) {
    Map<String, Map<Integer, List<SeverityMetrics>>> byModel = new LinkedHashMap<>();
    for (CorruptionMetrics cell : cells) {
      for (SeverityMetrics m : cell.severities()) {
        byModel
            .computeIfAbsent(cell.model(), k -> new TreeMap<>())
            .computeIfAbsent(m.severity(), k -> new ArrayList<>())
            .add(m);
      }
    }
    List<SummaryRow> rows = new ArrayList<>();
    byModel.forEach(
        (model, bySeverity) ->
            bySeverity.forEach(
                (severity, list) ->
                    rows.add(
                        new SummaryRow(
                            model,
                            severity,
                            list.size(),
                            list.stream()
                                .mapToDouble(SeverityMetrics::accuracy)
                                .average()
                                .orElseThrow(),
                            list.stream().mapToDouble(SeverityMetrics::ece).average().orElseThrow(),
                            eceBins(list),
                            list.stream().mapToDouble(SeverityMetrics::nll).average().orElseThrow(),
                            list.stream()
                                .mapToDouble(SeverityMetrics::uncertainty)
                                .average()
                                .orElseThrow()))));
    return rows;
  }

  /** The bin count shared by the cells; averaging ECEs of different binnings would mislead. */
  private static int eceBins(List<SeverityMetrics> cells) {
    int bins = cells.get(0).eceBins();
    if (cells.stream().anyMatch(m -> m.eceBins() != bins)) {
      throw new IllegalArgumentException("cells measured ECE with different bin counts");
    }
    return bins;
  }
}
