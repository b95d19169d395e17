package dev.repflow.artifacts;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-memory content of a feature file (artifact contract, DESIGN.md section 3).
 *
 * @param features {@code [N, D]} float32, every row the same length
 * @param labels {@code [N]} class ids
 * @param indices {@code [N]} row to sample index in the source split, or null
 * @param attributes file attributes ({@code kind}, {@code dataset}, {@code split}, {@code model},
 *     ...), all strings; kept in key order, because HDF5 files store them in the order written and
 *     the same table must give the same bytes in every JVM ({@code Map.of} iterates in an order
 *     that changes from run to run)
 */
public record FeatureTable(
    float[][] features, long[] labels, long[] indices, Map<String, String> attributes) {

  public FeatureTable {
    if (features.length != labels.length) {
      throw new IllegalArgumentException(
          "features has " + features.length + " rows but labels has " + labels.length);
    }
    if (indices != null && indices.length != labels.length) {
      throw new IllegalArgumentException(
          "indices has " + indices.length + " rows but labels has " + labels.length);
    }
    int d = features.length == 0 ? 0 : features[0].length;
    for (int i = 0; i < features.length; i++) {
      if (features[i].length != d) {
        throw new IllegalArgumentException(
            "features row " + i + " has " + features[i].length + " columns, row 0 has " + d);
      }
    }
    attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
  }

  public int rows() {
    return features.length;
  }

  public int columns() {
    return features.length == 0 ? 0 : features[0].length;
  }
}
