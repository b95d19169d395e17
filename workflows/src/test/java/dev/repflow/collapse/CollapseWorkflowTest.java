package dev.repflow.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
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
import dev.repflow.common.StageStatus;
import dev.repflow.common.TaskQueues;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Split;
import dev.repflow.models.ModelActivities;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.PretrainSpec;
import dev.repflow.models.TrainedBackbone;
import dev.repflow.reports.FakeReports;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recipe with mocked activities: shards fan out per pass, merges feed the next pass. */
class CollapseWorkflowTest {
  private TestWorkflowEnvironment env;
  private ModelActivities models;
  private CollapseActivities collapse;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    models = mock(ModelActivities.class, withSettings().withoutAnnotations());
    collapse = mock(CollapseActivities.class, withSettings().withoutAnnotations());
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(CollapseWorkflowImpl.class);
    cpu.registerActivitiesImplementations(collapse, new FakeReports());
    env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(models);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  static ArtifactRef ref(String name) {
    String sha = String.format("%064x", Math.abs((long) name.hashCode()));
    return new ArtifactRef("s3://repflow/unit/" + name, sha, 10, List.of(10L, 4L), "json");
  }

  @Test
  void shardsEveryPassAndMeasuresFromTheMerges() throws Exception {
    var backbone =
        new TrainedBackbone(ref("ckpt"), new ModelSpec("cnn", 8, 16), 5, 0.9, 0.3, false, null);
    when(models.pretrain(any(), any(), anyList(), any(), any())).thenReturn(backbone);
    when(models.embed(any(), any(), eq(Split.TRAIN), anyList(), any()))
        .thenReturn(new StepResult(ref("train"), false));
    when(models.embed(any(), any(), eq(Split.TEST), eq(List.of(0, 1, 2, 3, 4)), any()))
        .thenReturn(new StepResult(ref("test"), false));
    when(models.embed(any(), any(), eq(Split.TEST), eq(List.of(5, 6, 7, 8, 9)), any()))
        .thenReturn(new StepResult(ref("ood"), false));
    when(collapse.accumulate(any(), any()))
        .thenAnswer(
            a -> {
              AccumulateRequest r = a.getArgument(1);
              return new StepResult(
                  ref(r.kind() + "-" + r.features().key() + "-" + r.shard()), false);
            });
    when(collapse.merge(any(), any(), anyList()))
        .thenAnswer(
            a -> {
              List<ArtifactRef> parts = a.getArgument(2);
              return new StepResult(ref("merged-" + parts.get(0).key()), false);
            });
    when(collapse.fitProbe(any(), any(), anyList(), any()))
        .thenReturn(new ProbeResult(ref("probe"), 0.95, false));
    CollapseMetrics metrics =
        new CollapseMetrics(ref("m"), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.9, 0.2, false);
    when(collapse.measure(any(), any(), any(), any(), any(), any(), anyInt())).thenReturn(metrics);

    CollapseWorkflow wf =
        env.getWorkflowClient()
            .newWorkflowStub(
                CollapseWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("c1")
                    .setTaskQueue(TaskQueues.CPU)
                    .build());
    CollapseResult result = wf.run(spec(3));

    assertEquals(metrics, result.metrics());
    verify(collapse, times(12)).accumulate(any(), any()); // 4 passes x 3 shards
    verify(collapse, times(4)).merge(any(), any(), argThat(l -> l.size() == 3));
    verify(collapse, times(3))
        .accumulate(
            any(),
            argThat(
                r ->
                    r.kind() == StatsKind.DECISIONS
                        && r.features().equals(ref("test"))
                        && r.probe().equals(ref("probe"))
                        && r.means().equals(ref("merged-unit/MEANS-unit/train-0"))));
    verify(collapse)
        .measure(
            any(),
            eq(ref("merged-unit/MEANS-unit/train-0")),
            eq(ref("merged-unit/SPREAD-unit/train-0")),
            eq(ref("probe")),
            eq(ref("merged-unit/DECISIONS-unit/test-0")),
            eq(ref("merged-unit/MEANS-unit/ood-0")),
            eq(64));
    // pretrain, 3 embeds, probe, 4 passes of 3 shards + merge, measure
    assertEquals(1 + 3 + 1 + 16 + 1, result.totalSteps());
    assertTrue(wf.progress().stages().stream().allMatch(s -> s.state() == StageStatus.State.DONE));
    WorkflowReplayer.replayWorkflowExecution(
        env.getWorkflowClient().fetchHistory("c1"), CollapseWorkflowImpl.class);
  }

  @Test
  void specDefaultsAndErrorsNameTheKey() {
    CollapseSpec spec = spec(0);
    assertEquals(List.of(5, 6, 7, 8, 9), spec.analysis().oodClasses());
    assertEquals(4, spec.analysis().shards());
    CollapseSpec defaults =
        new CollapseSpec(null, "unit", null, null, spec.pretrain(), null, null, true);
    assertEquals("head", defaults.analysis().classifier());
    var bad =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CollapseSpec.Analysis(null, null, 999, 0, null, null));
    assertTrue(bad.getMessage().startsWith("analysis.shards"));
  }

  private static CollapseSpec spec(int shards) {
    return new CollapseSpec(
        null,
        "unit",
        DatasetSpec.fashionMnist(null, 50, 20),
        new ModelSpec("cnn", 8, 16),
        new PretrainSpec(List.of(0, 1, 2, 3, 4), 1, 32, 0.001, 7),
        new CollapseSpec.Analysis(null, null, shards, 0, "probe", null),
        null,
        true);
  }
}
