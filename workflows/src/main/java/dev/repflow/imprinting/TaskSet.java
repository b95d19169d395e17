package dev.repflow.imprinting;

import dev.repflow.artifacts.ArtifactRef;
import java.util.List;

/**
 * Feature files of the downstream classes and the tasks cut from them.
 *
 * @param train embeddings imprinted from {@code [N, D]}
 * @param test embeddings classified {@code [M, D]}
 */
public record TaskSet(ArtifactRef train, ArtifactRef test, List<ImprintTask> tasks) {

  public TaskSet {
    tasks = List.copyOf(tasks);
  }

  public List<String> names() {
    return tasks.stream().map(ImprintTask::name).toList();
  }
}
