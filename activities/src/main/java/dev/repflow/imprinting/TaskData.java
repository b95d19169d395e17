package dev.repflow.imprinting;

import dev.repflow.artifacts.FeatureTable;
import java.util.ArrayList;
import java.util.List;

/**
 * One task's rows, cut from the downstream feature files.
 *
 * @param train {@code [N, D]} imprinting samples; {@code trainRows [N]} their class rows
 * @param test {@code [M, D]} queries; {@code testRows [M]} their class rows
 * @param classes number of classes K
 */
record TaskData(double[][] train, int[] trainRows, double[][] test, int[] testRows, int classes) {

  static TaskData of(ImprintTask task, FeatureTable train, FeatureTable test) {
    var trainPart = select(task, train, task.shots());
    var testPart = select(task, test, 0);
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

  private record Part(List<double[]> x, List<Integer> rows) {}

  /** Rows of the task's classes, at most {@code shots} per class (0 = all), in file order. */
  private static Part select(ImprintTask task, FeatureTable table, int shots) {
    Part part = new Part(new ArrayList<>(), new ArrayList<>());
    int[] taken = new int[task.classes().size()];
    for (int i = 0; i < table.rows(); i++) {
      int row = task.classes().indexOf((int) table.labels()[i]);
      if (row < 0 || (shots > 0 && taken[row] >= shots)) {
        continue;
      }
      taken[row]++;
      float[] f = table.features()[i];
      double[] x = new double[f.length];
      for (int d = 0; d < f.length; d++) {
        x[d] = f[d];
      }
      part.x.add(x);
      part.rows.add(row);
    }
    return part;
  }
}
