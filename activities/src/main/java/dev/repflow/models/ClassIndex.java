package dev.repflow.models;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Maps class ids to classifier outputs 0..C-1 in sorted id order, so the same class list always
 * gives the same head layout whatever order a spec lists it in.
 */
record ClassIndex(int[] sortedIds) {

  static ClassIndex of(List<Integer> classes) {
    int[] ids = new TreeSet<>(classes).stream().mapToInt(Integer::intValue).toArray();
    if (ids.length < 2) {
      throw new IllegalArgumentException("training needs at least 2 classes, got " + classes);
    }
    return new ClassIndex(ids);
  }

  int size() {
    return sortedIds.length;
  }

  /** Output index of every label, {@code [N]}. */
  int[] targets(int[] labels) {
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = Arrays.binarySearch(sortedIds, labels[i]);
      if (out[i] < 0) {
        throw new IllegalArgumentException(
            "image "
                + i
                + " has label "
                + labels[i]
                + ", which is not among the training classes "
                + Arrays.toString(sortedIds));
      }
    }
    return out;
  }
}
