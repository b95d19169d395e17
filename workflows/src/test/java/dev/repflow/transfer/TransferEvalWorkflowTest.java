package dev.repflow.transfer;

import static dev.repflow.transfer.TransferEvalFixtures.backbone;
import static dev.repflow.transfer.TransferEvalFixtures.features;
import static dev.repflow.transfer.TransferEvalFixtures.knn;
import static dev.repflow.transfer.TransferEvalFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.repflow.common.FailureTypes;
import dev.repflow.common.RunRecord;
import dev.repflow.common.StageStatus;
import dev.repflow.common.TaskQueues;
import dev.repflow.common.WorkflowPresets;
import dev.repflow.data.DataActivities;
import dev.repflow.data.Split;
import dev.repflow.eval.EvalActivities;
import dev.repflow.models.ModelActivities;
import dev.repflow.reports.FakeReports;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransferEvalWorkflowTest {
  private TestWorkflowEnvironment env;
  private ModelActivities models;
  private DataActivities data;
  private EvalActivities eval;

  @BeforeEach
  void setUp() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(WorkflowPresets.workerInterceptors())
                        .build())
                .build());
    models = mock(ModelActivities.class, withSettings().withoutAnnotations());
    data = mock(DataActivities.class, withSettings().withoutAnnotations());
    eval = mock(EvalActivities.class, withSettings().withoutAnnotations());
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(
        WorkflowPresets.implementationOptions(), TransferEvalWorkflowImpl.class);
    cpu.registerActivitiesImplementations(data, eval, new FakeReports());
    env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(models);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private void stubSteps(boolean cached) {
    when(models.pretrain(any(), any(), anyList(), any(), any())).thenReturn(backbone(cached));
    when(models.embed(any(), any(), eq(Split.TRAIN), anyList(), any()))
        .thenReturn(features("emb-train", 500, 16, cached));
    when(models.embed(any(), any(), eq(Split.TEST), anyList(), any()))
        .thenReturn(features("emb-test", 100, 16, cached));
    when(data.exportPixels(any(), any(), eq(Split.TRAIN), anyList()))
        .thenReturn(features("px-train", 500, 784, cached));
    when(data.exportPixels(any(), any(), eq(Split.TEST), anyList()))
        .thenReturn(features("px-test", 100, 784, cached));
    when(eval.knn(any(), eq("embeddings"), any(), any(), anyInt()))
        .thenReturn(knn("embeddings", cached));
    when(eval.knn(any(), eq("pixels"), any(), any(), anyInt())).thenReturn(knn("pixels", cached));
  }

  private TransferEvalWorkflow newWorkflow(String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            TransferEvalWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CPU).build());
  }

  @Test
  void runsEveryStepAndFeedsTheCheckpointToEmbedding() {
    stubSteps(false);
    TransferEvalWorkflow wf = newWorkflow("transfer-1");

    TransferEvalResult result = wf.run(spec(true));

    assertEquals(
        List.of("embeddings", "pixels"), result.evaluations().stream().map(r -> r.name()).toList());
    assertEquals(7, result.totalSteps());
    assertEquals(0, result.cachedSteps());
    var backbone = backbone(false);
    verify(models)
        .embed(any(), any(), eq(Split.TRAIN), eq(List.of(5, 6, 7, 8, 9)), eq(backbone.ref()));
    verify(models)
        .embed(any(), any(), eq(Split.TEST), eq(List.of(5, 6, 7, 8, 9)), eq(backbone.ref()));
    verify(models).pretrain(any(), any(), eq(List.of(0, 1, 2, 3, 4)), any(), any());
    verify(eval)
        .knn(
            any(),
            eq("embeddings"),
            eq(result.trainEmbeddings()),
            eq(result.testEmbeddings()),
            eq(20));
    verify(eval, times(2)).knn(any(), any(), any(), any(), anyInt());
    assertTrue(
        wf.progress().stages().stream().allMatch(s -> s.state() == StageStatus.State.DONE),
        wf.progress().toString());
  }

  @Test
  void countsReusedStepsAndReportsThemAsCached() {
    stubSteps(true);
    TransferEvalWorkflow wf = newWorkflow("transfer-cached");

    TransferEvalResult result = wf.run(spec(true));

    assertEquals(result.totalSteps(), result.cachedSteps());
    assertTrue(
        wf.progress().stages().stream()
            .filter(s -> !s.stage().equals(RunRecord.REPORT_STAGE))
            .allMatch(s -> s.state() == StageStatus.State.CACHED));
  }

  @Test
  void skipsPixelStepsWhenTheBaselineIsOff() {
    stubSteps(false);
    TransferEvalResult result = newWorkflow("transfer-nopix").run(spec(false));

    assertEquals(4, result.totalSteps());
    assertEquals(1, result.evaluations().size());
    verify(data, never()).exportPixels(any(), any(), any(), anyList());
  }

  @Test
  void badInputFailsTheRunOnceWithTheActivityMessage() {
    stubSteps(false);
    when(models.pretrain(any(), any(), anyList(), any(), any()))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure(
                "dataset.dir: /data/fmnist does not exist", FailureTypes.INVALID_INPUT));
    TransferEvalWorkflow wf = newWorkflow("transfer-bad");

    WorkflowFailedException e =
        assertThrows(WorkflowFailedException.class, () -> wf.run(spec(true)));

    ActivityFailure activity = (ActivityFailure) e.getCause();
    assertTrue(activity.getCause().getMessage().contains("/data/fmnist does not exist"));
    verify(models, times(1)).pretrain(any(), any(), anyList(), any(), any());
    verify(models, never()).embed(any(), any(), any(), anyList(), any());
    var pretrain = WorkflowStub.fromTyped(wf);
    assertEquals(
        StageStatus.State.FAILED,
        pretrain
            .query("progress", dev.repflow.common.PipelineProgress.class)
            .stages()
            .get(0)
            .state());
  }

  @Test
  void invalidJsonInputFailsTheRunWithTheSpecMessage() throws Exception {
    String json =
        """
        {"experiment": "bad",
         "pretrain": {"classes": [0, 1], "epochs": 1, "batchSize": 8, "learningRate": 0.1, "seed": 1},
         "evaluate": {"classes": [5, 12]}}
        """;
    Object input = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    WorkflowStub stub =
        env.getWorkflowClient()
            .newUntypedWorkflowStub(
                TransferEvalWorkflow.TYPE,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("bad-json")
                    .setTaskQueue(TaskQueues.CPU)
                    .build());
    stub.start(input);

    WorkflowFailedException e =
        assertThrows(WorkflowFailedException.class, () -> stub.getResult(TransferEvalResult.class));

    String message = String.valueOf(e.getCause().getMessage());
    assertTrue(message.contains("evaluate.classes: unknown class id 12"), message);
  }

  /** Starts by type name as `temporal workflow start` does; the run may loop for at most 60 s. */
  private WorkflowStub startUntyped(String id, Object input) {
    WorkflowStub stub =
        env.getWorkflowClient()
            .newUntypedWorkflowStub(
                TransferEvalWorkflow.TYPE,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(id)
                    .setTaskQueue(TaskQueues.CPU)
                    .setWorkflowRunTimeout(java.time.Duration.ofSeconds(60))
                    .build());
    if (input == null) {
      stub.start();
    } else {
      stub.start(input);
    }
    return stub;
  }

  @Test
  void anExperimentNameThatIsNoKeySegmentFailsTheRunNamingTheKey() throws Exception {
    String json =
        """
        {"experiment": "a b",
         "pretrain": {"classes": [0, 1], "epochs": 1, "batchSize": 8, "learningRate": 0.1, "seed": 1},
         "evaluate": {"classes": [5, 6]}}
        """;
    WorkflowStub stub =
        startUntyped(
            "bad-experiment", new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));

    WorkflowFailedException e =
        assertThrows(WorkflowFailedException.class, () -> stub.getResult(TransferEvalResult.class));

    // Failed by the input check, not by the run timeout a retried workflow task would reach.
    String message = String.valueOf(e.getCause().getMessage());
    assertTrue(message.contains("experiment: 'a b' is not a valid name"), message);
    verify(models, never()).pretrain(any(), any(), anyList(), any(), any());
  }

  @Test
  void aRunStartedWithoutInputFailsAtOnceSayingSo() {
    WorkflowStub stub = startUntyped("no-input", null);

    WorkflowFailedException e =
        assertThrows(WorkflowFailedException.class, () -> stub.getResult(TransferEvalResult.class));

    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.INVALID_INPUT, failure.getType());
    assertTrue(failure.getOriginalMessage().contains("started without input"), failure.toString());
  }

  @Test
  void startsByTypeNameWithJsonInputAsTheTemporalCliDoes() throws Exception {
    stubSteps(false);
    // The JSON a user passes to `temporal workflow start --type TransferEvalWorkflow --input ...`.
    String json =
        """
        {"experiment": "from-cli",
         "dataset": {"trainPerClass": 50},
         "pretrain": {"classes": [0,1,2,3,4], "epochs": 1, "batchSize": 64,
                      "learningRate": 0.001, "seed": 1},
         "evaluate": {"classes": [5,6,7,8,9]}}
        """;
    Object input = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    WorkflowClient client = env.getWorkflowClient();
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            TransferEvalWorkflow.TYPE,
            WorkflowOptions.newBuilder()
                .setWorkflowId("by-type")
                .setTaskQueue(TaskQueues.CPU)
                .build());
    stub.start(input);

    TransferEvalResult result = stub.getResult(TransferEvalResult.class);

    assertEquals(7, result.totalSteps());
    verify(models).pretrain(any(), any(), eq(List.of(0, 1, 2, 3, 4)), any(), any());
  }
}
