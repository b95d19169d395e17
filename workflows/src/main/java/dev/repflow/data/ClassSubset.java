package dev.repflow.data;

import java.util.List;
import java.util.TreeSet;

/** Validation of class-id lists from specs. */
public final class ClassSubset {
  private ClassSubset() {}

  /** {@link #validate} for a list that may be left out, meaning every class. */
  public static List<Integer> orAll(String key, List<Integer> ids, int numClasses) {
    return ids == null ? all(numClasses) : validate(key, ids, numClasses);
  }

  /** Class ids {@code 0..numClasses-1}. */
  public static List<Integer> all(int numClasses) {
    return java.util.stream.IntStream.range(0, numClasses).boxed().toList();
  }

  /**
   * Returns the ids sorted and de-duplicated.
   *
   * @throws IllegalArgumentException naming {@code key} when empty or an id is out of range
   */
  public static List<Integer> validate(String key, List<Integer> ids, int numClasses) {
    if (ids == null || ids.isEmpty()) {
      throw new IllegalArgumentException(key + " must list at least one class id");
    }
    for (Integer id : ids) {
      if (id == null || id < 0 || id >= numClasses) {
        throw new IllegalArgumentException(
            key + ": unknown class id " + id + " (valid: 0.." + (numClasses - 1) + ")");
      }
    }
    return List.copyOf(new TreeSet<>(ids));
  }
}
