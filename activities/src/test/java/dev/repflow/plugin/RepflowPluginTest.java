package dev.repflow.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.artifacts.LocalArtifactStore;
import dev.repflow.common.FailureTypes;
import dev.repflow.common.TaskQueues;
import dev.repflow.data.DataRoots;
import dev.repflow.data.DatasetSpec;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.PretrainSpec;
import dev.repflow.numerics.NumericsProfile;
import dev.repflow.reports.Metric;
import dev.repflow.reports.RunDocument;
import dev.repflow.transfer.TransferEvalResult;
import dev.repflow.transfer.TransferEvalSpec;
import dev.repflow.transfer.TransferEvalWorkflow;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's own worker factory, plus one line: the plugin. Real activities on real images. */
class RepflowPluginTest {
  @TempDir Path dir;

  @Test
  void aPlainWorkerFactoryWithThePluginRunsTheTransferPipeline() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      var store = new LocalArtifactStore(dir, "repflow");
      WorkerFactory factory =
          WorkerFactory.newInstance(
              env.getWorkflowClient(),
              WorkerFactoryOptions.newBuilder().setPlugins(new RepflowPlugin(store)).build());
      factory.newWorker(TaskQueues.CPU);
      factory.newWorker(TaskQueues.GPU);
      factory.newWorker("the-teams-own-queue"); // left alone by the plugin
      factory.start();

      TransferEvalSpec spec =
          new TransferEvalSpec(
              null, // the default: the transfer pipeline
              "plugin",
              DatasetSpec.fashionMnist(null, 30, 10),
              new ModelSpec("cnn", 4, 16),
              new PretrainSpec(List.of(0, 1, 2), 1, 30, 0.003, 1),
              new TransferEvalSpec.Evaluate(List.of(7, 8, 9), 5, true),
              true);
      TransferEvalResult result =
          env.getWorkflowClient()
              .newWorkflowStub(
                  TransferEvalWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId("plugin-run")
                      .setTaskQueue(TaskQueues.CPU)
                      .build())
              .run(spec);

      assertEquals(7, result.totalSteps());
      assertEquals(List.of(90L, 16L), result.trainEmbeddings().shape());
      assertEquals(List.of(30L, 16L), result.testEmbeddings().shape());
      assertTrue(
          result.evaluations().stream().allMatch(r -> r.accuracy() > 1.0 / 3), result.toString());

      // The plugin registers the report step and the interceptor that names each activity.
      var report = store.find("plugin/reports/plugin-run/run.json").orElseThrow();
      RunDocument doc = JsonArtifacts.read(store, report, RunDocument.class);
      assertEquals(
          new Metric("knn embeddings / accuracy", result.evaluations().get(0).accuracy()),
          doc.headline().get(0));
      assertEquals(8, doc.timings().steps().size());
      assertTrue(
          doc.timings().steps().stream().anyMatch(s -> s.summary().equals("pretrain")),
          doc.timings().steps().toString());
      // ... and the one that records each step's peak resident memory.
      var peaks = StepMemory.ofThisProcess().peaks("plugin-run");
      assertEquals(8, peaks.size(), peaks.toString());
      assertTrue(
          peaks.stream()
              .anyMatch(p -> p.activityType().equals("PretrainBackbone") && p.peakRssBytes() > 0),
          peaks.toString());
      factory.shutdownNow();
    }
  }

  @Test
  void aDatasetFolderOutsideTheWorkersDataRootsFailsTheRunWithoutRetries() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      var store = new LocalArtifactStore(dir, "repflow");
      DataRoots roots = DataRoots.of(List.of(dir.resolve("datasets")));
      WorkerFactory factory =
          WorkerFactory.newInstance(
              env.getWorkflowClient(),
              WorkerFactoryOptions.newBuilder()
                  .setPlugins(new RepflowPlugin(store, NumericsProfile.fromEnvironment(), roots))
                  .build());
      factory.newWorker(TaskQueues.CPU);
      factory.newWorker(TaskQueues.GPU);
      factory.start();

      TransferEvalSpec spec =
          new TransferEvalSpec(
              null,
              "roots",
              DatasetSpec.fashionMnist("/usr/share/datasets/fashion-mnist", 30, 10),
              new ModelSpec("cnn", 4, 16),
              new PretrainSpec(List.of(0, 1, 2), 1, 30, 0.003, 1),
              new TransferEvalSpec.Evaluate(List.of(7, 8, 9), 5, false),
              true);
      WorkflowFailedException e =
          assertThrows(
              WorkflowFailedException.class,
              () ->
                  env.getWorkflowClient()
                      .newWorkflowStub(
                          TransferEvalWorkflow.class,
                          WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CPU).build())
                      .run(spec));

      ActivityFailure step = (ActivityFailure) e.getCause();
      ApplicationFailure cause = (ApplicationFailure) step.getCause();
      assertEquals(FailureTypes.INVALID_INPUT, cause.getType());
      assertTrue(
          cause
              .getOriginalMessage()
              .startsWith("dataset.dir: /usr/share/datasets/fashion-mnist is outside"));
      assertTrue(cause.getOriginalMessage().contains(roots.roots().get(0).toString()));
      assertEquals(RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE, step.getRetryState());
      factory.shutdownNow();
    }
  }
}
