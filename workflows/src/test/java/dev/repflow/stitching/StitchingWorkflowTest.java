package dev.repflow.stitching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.TaskQueues;
import dev.repflow.data.DatasetSpec;
import dev.repflow.models.ModelActivities;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.TrainedBackbone;
import dev.repflow.reports.FakeReports;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StitchingWorkflowTest {
  private TestWorkflowEnvironment env;
  private ModelActivities models;
  private StitchingActivities stitching;

  static ArtifactRef ref(String name) {
    String sha = String.format("%064x", Math.abs((long) name.hashCode()));
    return new ArtifactRef("s3://repflow/unit/" + name, sha, 10, List.of(), "json");
  }

  static TrainedBackbone backbone(long seed) {
    return new TrainedBackbone(
        ref("ckpt-" + seed + ".params"), new ModelSpec("cnn", 8, 16), 5, 0.9, 0.3, false, null);
  }

  /** Classes 0-4 in distribution; {@code exposure} and {@code test} outlier classes (or empty). */
  static StitchingSpec spec(List<Integer> exposure, List<Integer> test) {
    var a = new StitchingSpec.NamedModel("A", new ModelSpec("cnn", 8, 16), 1);
    var b = new StitchingSpec.NamedModel("B", new ModelSpec("cnn", 8, 16), 2);
    return new StitchingSpec(
        null,
        "unit",
        DatasetSpec.fashionMnist("/data", 50, 20),
        List.of(0, 1, 2, 3, 4),
        new StitchingSpec.Pretrain(1, 32, 0.001),
        List.of(a, b),
        List.of(
            new StitchPair("A", "pool2", "B", "pool2"), new StitchPair("A", "fc", "B", "pool2")),
        null,
        new AnalysisSettings(0, null, List.of(new LayerRef("A", "fc"))),
        ood(new OutlierSource(exposure, null), new OutlierSource(test, null)),
        null);
  }

  static OodSettings ood(OutlierSource exposure, OutlierSource test) {
    return new OodSettings(exposure, test, null, 0, 0, 0, null, null, null, 0, 0);
  }

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    models = mock(ModelActivities.class, withSettings().withoutAnnotations());
    stitching = mock(StitchingActivities.class, withSettings().withoutAnnotations());
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(StitchingWorkflowImpl.class);
    cpu.registerActivitiesImplementations(new FakeReports());
    env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(models, stitching);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private void stub() {
    stub(models, stitching);
  }

  /** Canned step results for {@code models} and {@code stitching} mocks. */
  static void stub(ModelActivities models, StitchingActivities stitching) {
    when(models.pretrain(any(), any(), anyList(), any(), argThat(t -> t != null && t.seed() == 1)))
        .thenReturn(backbone(1));
    when(models.pretrain(any(), any(), anyList(), any(), argThat(t -> t != null && t.seed() == 2)))
        .thenReturn(backbone(2));
    var detector =
        new OodDetector(
            new LayerRef("B", "pool2"),
            ref("det.params"),
            10,
            8,
            5,
            new OodDetector.ImageCounts(100, 40, 50, 20),
            -3,
            0.9,
            0.8,
            0.5,
            false);
    when(stitching.trainDetector(any(), any(), anyList(), any(), any(), any()))
        .thenReturn(detector);
    when(stitching.stitch(any(), any(), anyList(), any(), any(), any(), any(), any()))
        .thenAnswer(
            call ->
                new StitchResult(
                    call.getArgument(3),
                    "conv1x1",
                    0.9,
                    0.9,
                    List.of(new MethodScore("direct", 0.5, 0.7, 0.2)),
                    List.of(),
                    ref("stitch.json"),
                    false));
    when(stitching.similarity(any(), any(), anyList(), any(), any(), any(), any()))
        .thenAnswer(
            call ->
                new SimilarityResult(
                    call.getArgument(3),
                    new RankCurve("cka", List.of(1, 49), List.of(0.5, 0.9)),
                    new RankCurve("procrustes", List.of(1, 49), List.of(0.5, 0.2)),
                    ref("sim.json"),
                    false));
    when(stitching.probe(any(), any(), anyList(), any(), any(), any()))
        .thenReturn(
            new ProbeResult(
                new LayerRef("A", "fc"),
                16,
                new RankCurve("probe A.fc", List.of(1, 16), List.of(0.4, 0.9)),
                ref("probe.json"),
                false));
    when(stitching.plot(any(), anyList(), anyList()))
        .thenReturn(new StepResult(ref("plot.svg"), false));
  }

  @Test
  void trainsEachModelOnceOneDetectorPerEndLayerAndFeedsItToEveryPairEndingThere() {
    stub();
    StitchingWorkflow wf =
        env.getWorkflowClient()
            .newWorkflowStub(
                StitchingWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("stitch-1")
                    .setTaskQueue(TaskQueues.CPU)
                    .build());

    StitchingResult result = wf.run(spec(List.of(5, 6), List.of(7, 8)));

    verify(models, times(2)).pretrain(any(), any(), anyList(), any(), any());
    verify(stitching, times(1))
        .trainDetector(any(), any(), anyList(), eq(new LayerRef("B", "pool2")), any(), any());
    verify(stitching, times(2))
        .stitch(
            any(),
            any(),
            anyList(),
            any(),
            eq(backbone(1)),
            eq(backbone(2)),
            any(),
            argThat(d -> d != null && d.threshold() == -3));
    assertEquals(2, result.stitches().size());
    assertEquals(2, result.similarities().size());
    assertEquals(1, result.probes().size());
    assertEquals(1, result.detectors().size());
    assertEquals(ref("plot.svg"), result.plot());
    // 2 pretrain + 1 detector + 2 stitch + 2 similarity + 1 probe + plot
    assertEquals(9, result.totalSteps());
  }

  @Test
  void withoutOutliersNoDetectorIsTrainedAndStitchesGetNone() {
    stub();
    StitchingWorkflow wf =
        env.getWorkflowClient()
            .newWorkflowStub(
                StitchingWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("stitch-2")
                    .setTaskQueue(TaskQueues.CPU)
                    .build());

    StitchingResult result = wf.run(spec(List.of(), List.of()));

    verify(stitching, times(0)).trainDetector(any(), any(), anyList(), any(), any(), any());
    verify(stitching, times(2))
        .stitch(any(), any(), anyList(), any(), any(), any(), any(), argThat(d -> d == null));
    assertTrue(result.detectors().isEmpty());
  }

  @Test
  void specRejectsUnknownModelsOverlappingOutliersAndBadInits() {
    var unknown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new StitchingSpec(
                    null,
                    "x",
                    null,
                    List.of(0, 1),
                    new StitchingSpec.Pretrain(1, 8, 0.01),
                    List.of(new StitchingSpec.NamedModel("A", null, 1)),
                    List.of(new StitchPair("A", "fc", "Z", "fc")),
                    null,
                    null,
                    null,
                    null));
    assertEquals("pairs[0].end: unknown model 'Z' (models: [A])", unknown.getMessage());
    var overlap =
        assertThrows(IllegalArgumentException.class, () -> spec(List.of(1, 5), List.of(7)));
    assertEquals(
        "ood.exposure.classes [1, 5] overlap classes [0, 1, 2, 3, 4] (shared: [1])",
        overlap.getMessage());
    var init =
        assertThrows(
            IllegalArgumentException.class,
            () -> new StitchSettings.TaskLoss(1, 8, 0.01, List.of("eye"), 0));
    assertTrue(init.getMessage().contains("unknown init 'eye'"), init.getMessage());
  }

  @Test
  void detectorsAreNeverEvaluatedOnWhatTheyWereFineTunedAgainst() {
    var sharedClass =
        assertThrows(IllegalArgumentException.class, () -> spec(List.of(5, 6), List.of(6, 7)));
    assertEquals(
        "ood.exposure.classes [5, 6] and ood.test.classes [6, 7] share [6]: the detector would be"
            + " evaluated on classes it was fine-tuned against",
        sharedClass.getMessage());
    var testInDistribution =
        assertThrows(IllegalArgumentException.class, () -> spec(List.of(5), List.of(4, 9)));
    assertEquals(
        "ood.test.classes [4, 9] overlap classes [0, 1, 2, 3, 4] (shared: [4])",
        testInDistribution.getMessage());
    var sameCorruption =
        assertThrows(
            IllegalArgumentException.class,
            () -> ood(new OutlierSource(null, "fog"), new OutlierSource(null, "fog")));
    assertTrue(
        sameCorruption.getMessage().startsWith("ood.exposure.corruption and ood.test.corruption"),
        sameCorruption.getMessage());
    var oneSided =
        assertThrows(
            IllegalArgumentException.class,
            () -> ood(new OutlierSource(List.of(5), null), new OutlierSource(null, null)));
    assertTrue(oneSided.getMessage().contains("give both ood.exposure"), oneSided.getMessage());
    var both =
        assertThrows(
            IllegalArgumentException.class,
            () -> ood(new OutlierSource(List.of(5), "fog"), new OutlierSource(List.of(6), null)));
    assertTrue(both.getMessage().startsWith("ood.exposure: give classes or corruption, not both"));
    // Classes against a corruption of the ID images are disjoint by construction.
    var mixed = ood(new OutlierSource(List.of(5, 6), null), new OutlierSource(null, "fog"));
    assertTrue(mixed.enabled());
  }

  @Test
  void fineTuningRateDropsAfterHalfTheEpochsCountedInStepsLikeTheReference() {
    var perStep =
        new OodSettings(
            new OutlierSource(List.of(5), null),
            new OutlierSource(List.of(6), null),
            null,
            2,
            4,
            0,
            1e-3,
            null,
            null,
            0,
            0);
    var perEpoch =
        new OodSettings(
            perStep.exposure(), perStep.test(), null, 2, 4, 0, 1e-3, null, "epoch", 0, 0);
    // MultiStepLR([4 // 2], 0.1) stepped per batch: steps 0 and 1 at the full rate, then 0.1x.
    assertEquals(1e-3, perStep.finetuneRate(1, 0), 1e-15);
    assertEquals(1e-4, perStep.finetuneRate(2, 0), 1e-15);
    assertEquals(1e-3, perEpoch.finetuneRate(50, 1), 1e-15);
    assertEquals(1e-4, perEpoch.finetuneRate(50, 2), 1e-15);
    assertEquals(4, perStep.finetuneEpochs());
    assertEquals(64, perStep.batchSize());
  }
}
