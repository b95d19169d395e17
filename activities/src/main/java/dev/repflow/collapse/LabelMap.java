package dev.repflow.collapse;

import java.util.Arrays;
import java.util.List;

/** Maps dataset class ids to rows {@code 0..K-1} of the statistics, in sorted id order. */
public record LabelMap(int[] sortedIds) {

  public static LabelMap of(List<Integer> classes) {
    int[] ids = classes.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    if (ids.length < 2) {
      throw new IllegalArgumentException(
          "collapse metrics need at least 2 classes, got " + classes);
    }
    return new LabelMap(ids);
  }

  public List<Integer> sortedIdList() {
    return Arrays.stream(sortedIds).boxed().toList();
  }

  public int size() {
    return sortedIds.length;
  }

  /**
   * Row of {@code label}.
   *
   * @throws IllegalArgumentException naming {@code source} when the label is not a known class
   */
  public int row(long label, String source) {
    int i = Arrays.binarySearch(sortedIds, (int) label);
    if (i < 0 || label != (int) label) {
      throw new IllegalArgumentException(
          source + " has label " + label + ", not among the classes " + Arrays.toString(sortedIds));
    }
    return i;
  }
}
