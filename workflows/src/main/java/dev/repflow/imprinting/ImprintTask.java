package dev.repflow.imprinting;

import java.util.List;

/**
 * A novel task: some classes of the embedded downstream split, optionally few-shot.
 *
 * @param name column name in the results table
 * @param classes class ids of the task; null = every embedded class (the spec's {@code classes})
 * @param shots train samples per class used to imprint, drawn with the run's seed (a seeded
 *     permutation of the class's train rows, so 5 shots are the first 5 of the 50); 0 = all
 */
public record ImprintTask(String name, List<Integer> classes, int shots) {

  public ImprintTask {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("tasks[].name is required");
    }
    if (classes != null) {
      classes = classes.stream().sorted().distinct().toList();
      if (classes.size() < 2) {
        throw new IllegalArgumentException("tasks[" + name + "].classes needs at least 2 classes");
      }
    }
    if (shots < 0) {
      throw new IllegalArgumentException("tasks[" + name + "].shots must be >= 0, got " + shots);
    }
  }

  /** This task with {@code all} as its classes when it names none. */
  ImprintTask orClasses(List<Integer> all) {
    return classes != null ? this : new ImprintTask(name, all, shots);
  }
}
