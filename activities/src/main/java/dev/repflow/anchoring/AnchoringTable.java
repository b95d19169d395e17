package dev.repflow.anchoring;

import java.util.List;

/**
 * Content of the JSON result artifact.
 *
 * @param rows models x severities, averaged over corruptions
 * @param cells every (model, corruption, severity) measurement
 */
public record AnchoringTable(List<SummaryRow> rows, List<CorruptionMetrics> cells) {}
