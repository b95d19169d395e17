package dev.repflow.imprinting;

import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.FeatureTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's task data: the two feature files are read once, on first use (a fully memoized batch
 * reads nothing), and the tasks are cut once per seed, since the seed draws the support sets.
 */
final class TaskSource {
  private final FeatureFiles files;
  private final TaskSet tasks;
  private final Map<Long, List<TaskData>> bySeed = new HashMap<>();
  private FeatureTable train;
  private FeatureTable test;

  TaskSource(FeatureFiles files, TaskSet tasks) {
    this.files = files;
    this.tasks = tasks;
  }

  /** Every task of the set, with its support sets drawn by {@code seed}. */
  List<TaskData> forSeed(long seed) {
    if (train == null) {
      train = files.read(tasks.train());
      test = files.read(tasks.test());
      if (train.columns() != test.columns()) {
        throw new IllegalArgumentException(
            tasks.train().uri()
                + " has "
                + train.columns()
                + " columns but "
                + tasks.test().uri()
                + " has "
                + test.columns());
      }
    }
    return bySeed.computeIfAbsent(
        seed, s -> tasks.tasks().stream().map(t -> TaskData.of(t, train, test, s)).toList());
  }
}
