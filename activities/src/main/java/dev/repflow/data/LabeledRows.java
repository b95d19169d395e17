package dev.repflow.data;

import dev.repflow.artifacts.FeatureTable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Feature rows of images with their labels and source indices, e.g. embeddings collected batch by
 * batch.
 *
 * @param rows {@code [N, D]}
 * @param labels {@code [N]} class ids
 * @param indices {@code [N]} sample index in the source split
 */
public record LabeledRows(float[][] rows, int[] labels, int[] indices) {

  /** Concatenates per-batch pieces in order. */
  public static LabeledRows of(List<float[]> rows, List<int[]> labels, List<int[]> indices) {
    return new LabeledRows(
        rows.toArray(float[][]::new),
        labels.stream().flatMapToInt(Arrays::stream).toArray(),
        indices.stream().flatMapToInt(Arrays::stream).toArray());
  }

  public int size() {
    return labels.length;
  }

  /** A feature file's table with artifact-contract {@code attributes}. */
  public FeatureTable table(Map<String, String> attributes) {
    return new FeatureTable(
        rows,
        Arrays.stream(labels).asLongStream().toArray(),
        Arrays.stream(indices).asLongStream().toArray(),
        attributes);
  }
}
