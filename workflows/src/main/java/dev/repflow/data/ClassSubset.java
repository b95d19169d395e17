package dev.repflow.data;

import java.util.List;
import java.util.TreeSet;

/** Validation of class-id lists from specs. */
public final class ClassSubset {
  private ClassSubset() {}

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
