package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.FailureTypes;
import dev.repflow.common.TaskQueues;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.ImageShape;
import dev.repflow.data.Split;
import dev.repflow.models.BackboneRef;
import dev.repflow.models.ModelActivities;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.PretrainSpec;
import dev.repflow.models.TrainedBackbone;
import dev.repflow.reports.FakeReports;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FungiWorkflowTest {
  private TestWorkflowEnvironment env;
  private ModelActivities models;
  private GradientActivities gradients;
  private FungiEvalActivities eval;

  static FungiSpec spec() {
    return new FungiSpec(
        FungiSpec.PIPELINE,
        "unit",
        DatasetSpec.fashionMnist("/data/fmnist", 50, 20),
        new ModelSpec("cnn", 8, 16),
        new PretrainSpec(List.of(0, 1, 2, 3, 4), 1, 32, 0.001, 7),
        null,
        new FungiEvalSpec(List.of(5, 6, 7, 8, 9), 0, 0, null, 0, 0, null, null),
        null,
        true);
  }

  static ArtifactRef ref(String name, long rows, long cols) {
    String sha = String.format("%064x", Math.abs((long) name.hashCode()));
    return new ArtifactRef("s3://repflow/unit/" + name, sha, 1000, List.of(rows, cols), "hdf5");
  }

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    models = mock(ModelActivities.class, withSettings().withoutAnnotations());
    gradients = mock(GradientActivities.class, withSettings().withoutAnnotations());
    eval = mock(FungiEvalActivities.class, withSettings().withoutAnnotations());
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(FungiWorkflowImpl.class);
    cpu.registerActivitiesImplementations(eval, new FakeReports());
    env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(models, gradients);
    env.start();
    stub(models, gradients, eval);
  }

  /** Stubs every step with small fake results. */
  static void stub(ModelActivities models, GradientActivities gradients, FungiEvalActivities eval) {
    TrainedBackbone backbone =
        new TrainedBackbone(
            ref("ckpt", 0, 0),
            new ModelSpec("cnn", 8, 16),
            5,
            0.9,
            0.3,
            false,
            DatasetSpec.FASHION_MNIST_SHAPE);
    when(gradients.plan(any(), any(), any(), any()))
        .thenReturn(new FungiProjection(ref("proj", 0, 0), "fc", 6288, 16, false));
    when(models.pretrain(any(), any(), anyList(), any(), any())).thenReturn(backbone);
    when(models.embed(any(), any(), any(), anyList(), any()))
        .thenAnswer(a -> new StepResult(ref("emb-" + a.getArgument(2), 100, 16), false));
    when(gradients.gradients(any(), any(), any(), anyList(), any(), any(), any(), anyInt()))
        .thenAnswer(
            a ->
                new StepResult(
                    ref(
                        ((ObjectiveSpec) a.getArgument(5)).name() + "-" + a.getArgument(2),
                        100,
                        16),
                    false));
    when(eval.evaluate(any(), anyString(), anyList(), anyList(), any()))
        .thenAnswer(
            a ->
                new CombinationResult(
                    a.getArgument(1),
                    ref("r", 0, 0),
                    16,
                    16,
                    0.8,
                    0.8,
                    0.8,
                    List.of(),
                    0.5,
                    false));
    when(eval.summarize(any(), anyList())).thenReturn(new StepResult(ref("summary", 0, 0), false));
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private FungiWorkflow newWorkflow(String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            FungiWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CPU).build());
  }

  @Test
  void fansOutOneGradientStepPerObjectiveAndSplitAndEvaluatesInPaperOrder() {
    FungiResult result = newWorkflow("fungi-1").run(spec());

    assertEquals(
        List.of("embeddings", "+kl", "+kl+dino", "+kl+dino+simclr", "kl", "dino", "simclr"),
        result.results().stream().map(CombinationResult::name).toList());
    verify(gradients, times(6))
        .gradients(any(), any(), any(), anyList(), any(), any(), any(), eq(64));
    FungiProjection projection = result.projection();
    verify(gradients, times(6))
        .gradients(any(), any(), any(), anyList(), any(), any(), eq(projection), anyInt());
    // +kl+dino: embeddings, then kl, then dino, each split's own file.
    verify(eval)
        .evaluate(
            any(),
            eq("+kl+dino"),
            eq(
                List.of(
                    ref("emb-" + Split.TRAIN, 100, 16),
                    ref("kl-" + Split.TRAIN, 100, 16),
                    ref("dino-" + Split.TRAIN, 100, 16))),
            eq(
                List.of(
                    ref("emb-" + Split.TEST, 100, 16),
                    ref("kl-" + Split.TEST, 100, 16),
                    ref("dino-" + Split.TEST, 100, 16))),
            any());
    assertEquals(1 + 1 + 2 + 6 + 7 + 1, result.totalSteps());
  }

  @Test
  void pretrainedCheckpointIsTheBackboneOfProjectionEmbeddingAndGradients() {
    newWorkflow("fungi-ref").run(spec());

    BackboneRef.Trained trained =
        new BackboneRef.Trained(
            ref("ckpt", 0, 0), new ModelSpec("cnn", 8, 16), 5, DatasetSpec.FASHION_MNIST_SHAPE);
    verify(gradients).plan(any(), eq(trained), eq(null), any());
    verify(models, times(2)).embed(any(), any(), any(), anyList(), eq(trained));
    verify(gradients, times(6))
        .gradients(any(), any(), any(), anyList(), eq(trained), any(), any(), anyInt());
  }

  @Test
  void torchScriptBackboneIsInspectedInsteadOfPretrainedAndUsedByEveryStep() {
    FungiSpec base = spec();
    FungiSpec ts =
        new FungiSpec(
            null, "unit", base.dataset(), null, null, null, base.evaluate(), "/models/vit", true);
    BackboneRef.TorchScript parts =
        new BackboneRef.TorchScript(
            "/models/vit",
            Map.of("front.pt", "ab"),
            new ImageShape(3, 224, 224),
            "encoder.layers.encoder_layer_11.self_attention.out_proj",
            List.of(768, 768),
            768);
    when(models.inspectTorchScript(any(), eq("/models/vit"))).thenReturn(parts);

    FungiResult result = newWorkflow("fungi-ts").run(ts);

    assertEquals(null, result.backbone());
    assertEquals(1 + 1 + 2 + 6 + 7 + 1, result.totalSteps());
    verify(models, never()).pretrain(any(), any(), anyList(), any(), any());
    verify(gradients).plan(any(), eq(parts), any(), any());
    verify(models, times(2)).embed(any(), any(), any(), anyList(), eq(parts));
    verify(gradients, times(6))
        .gradients(any(), any(), any(), anyList(), eq(parts), any(), any(), anyInt());
  }

  @Test
  void badLayerFailsTheRunBeforeAnyFeatureIsComputed() {
    when(gradients.plan(any(), any(), any(), any()))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure(
                "gradients.layer: no linear layer 'x'", FailureTypes.INVALID_INPUT));

    assertThrows(WorkflowFailedException.class, () -> newWorkflow("fungi-bad").run(spec()));

    verify(models, never()).embed(any(), any(), any(), anyList(), any());
    verify(gradients, never())
        .gradients(any(), any(), any(), anyList(), any(), any(), any(), anyInt());
  }
}
