package dev.repflow.faults;

import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.common.TaskQueues;
import dev.repflow.data.DatasetSpec;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.PretrainSpec;
import dev.repflow.plugin.RepflowPlugin;
import dev.repflow.transfer.TransferEvalResult;
import dev.repflow.transfer.TransferEvalSpec;
import dev.repflow.transfer.TransferEvalWorkflow;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.List;

/**
 * The transfer pipeline (pretrain, pixels, embeddings, kNN: seven steps) on real FashionMNIST
 * images, in an in-process Temporal test environment whose worker stores artifacts in a given
 * store: what the fault suite runs through a faulty S3.
 */
final class TransferRuns {
  private TransferRuns() {}

  /** A small run: 20 training images per class, three pretraining classes. */
  static TransferEvalSpec spec(String experiment, int epochs) {
    return new TransferEvalSpec(
        null,
        experiment,
        DatasetSpec.fashionMnist(null, 20, 5),
        new ModelSpec("cnn", 4, 8),
        new PretrainSpec(List.of(0, 1, 2), epochs, 20, 0.003, 1),
        new TransferEvalSpec.Evaluate(List.of(7, 8, 9), 3, true),
        true);
  }

  /** Runs {@code spec} to its end with a worker storing in {@code store}. */
  static TransferEvalResult run(ArtifactStore store, TransferEvalSpec spec) {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      WorkerFactory factory =
          WorkerFactory.newInstance(
              env.getWorkflowClient(),
              WorkerFactoryOptions.newBuilder().setPlugins(new RepflowPlugin(store)).build());
      factory.newWorker(TaskQueues.CPU);
      factory.newWorker(TaskQueues.GPU);
      factory.start();
      try {
        return env.getWorkflowClient()
            .newWorkflowStub(
                TransferEvalWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CPU).build())
            .run(spec);
      } finally {
        factory.shutdownNow();
      }
    }
  }
}
