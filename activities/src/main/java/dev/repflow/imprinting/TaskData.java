package dev.repflow.imprinting;

import dev.repflow.artifacts.FeatureTable;
import dev.repflow.data.Permutations;
import java.util.ArrayList;
import java.util.List;

/**
 * One task's rows, cut from the downstream feature files.
 *
 * @param train {@code [N, D]} imprinting samples, class by class; {@code trainRows [N]} their class
 *     rows
 * @param test {@code [M, D]} queries; {@code testRows [M]} their class rows
 * @param classes number of classes K
 */
record TaskData(double[][] train, int[] trainRows, double[][] test, int[] testRows, int classes) {

  /**
   * The task's train rows, {@code task.shots()} per class drawn with {@code seed} (all when 0), and
   * all its test rows.
   */
  static TaskData of(ImprintTask task, FeatureTable train, FeatureTable test, long seed) {
    Part trainPart = new Part(new ArrayList<>(), new ArrayList<>());
    for (int row = 0; row < task.classes().size(); row++) {
      int classId = task.classes().get(row);
      int[] members = support(train.labels(), classId, task.shots(), seed);
      if (members.length == 0) {
        throw new IllegalArgumentException(
            "task " + task.name() + ": class " + classId + " has no train samples");
      }
      for (int i : members) {
        trainPart.add(train.features()[i], row);
      }
    }
    Part testPart = new Part(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < test.rows(); i++) {
      int row = task.classes().indexOf((int) test.labels()[i]);
      if (row >= 0) {
        testPart.add(test.features()[i], row);
      }
    }
    if (testPart.x.isEmpty()) {
      throw new IllegalArgumentException("task " + task.name() + " has no test samples");
    }
    return new TaskData(
        trainPart.x.toArray(double[][]::new),
        trainPart.rows.stream().mapToInt(Integer::intValue).toArray(),
        testPart.x.toArray(double[][]::new),
        testPart.rows.stream().mapToInt(Integer::intValue).toArray(),
        task.classes().size());
  }

  /**
   * Few-shot support set of one class: its rows (indices into {@code labels}) in a permutation
   * fixed by ({@code seed}, class), the first {@code shots} of them; every row in file order when
   * {@code shots} is 0 or at least the class size (IMPRINT: {@code randperm(n)[:min(fewshot, n)]}
   * after seeding). The set depends on nothing else, so every method sees the same support for a
   * seed, and a smaller shot count takes a prefix of a larger one.
   */
  static int[] support(long[] labels, int classId, int shots, long seed) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == classId) {
        rows.add(i);
      }
    }
    int n = rows.size();
    if (shots == 0 || shots >= n) {
      return rows.stream().mapToInt(Integer::intValue).toArray();
    }
    int[] order = Permutations.of(n, seed ^ (0x9E3779B97F4A7C15L * (classId + 1L)));
    int[] out = new int[shots];
    for (int s = 0; s < shots; s++) {
      out[s] = rows.get(order[s]);
    }
    return out;
  }

  private record Part(List<double[]> x, List<Integer> rows) {
    void add(float[] f, int row) {
      double[] v = new double[f.length];
      for (int d = 0; d < f.length; d++) {
        v[d] = f[d];
      }
      x.add(v);
      rows.add(row);
    }
  }
}
