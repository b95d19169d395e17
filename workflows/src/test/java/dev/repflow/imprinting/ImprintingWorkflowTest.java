package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
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
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recipe with fake activities: the grid in batches with a bounded fan-out, batch results in
 * start order into the summary, memoized runs counted, and the result built from the steps.
 */
class ImprintingWorkflowTest {
  private static final List<Integer> DOWNSTREAM = List.of(5, 6, 7, 8, 9);

  private TestWorkflowEnvironment env;
  private ModelActivities models;
  private FakeImprinting imprint;
  private FakeReports reports;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    models = mock(ModelActivities.class, withSettings().withoutAnnotations());
    imprint = new FakeImprinting();
    reports = new FakeReports();
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(ImprintingWorkflowImpl.class);
    cpu.registerActivitiesImplementations(imprint, reports);
    env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(models);
    env.start();
    when(models.embed(any(), any(), eq(Split.TRAIN), eq(DOWNSTREAM), any()))
        .thenReturn(new StepResult(ref("train"), false));
    when(models.embed(any(), any(), eq(Split.TEST), eq(DOWNSTREAM), any()))
        .thenReturn(new StepResult(ref("test"), false));
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void batchesTheGridWithBoundedFanOutAndSummarizesInStartOrder() throws Exception {
    TrainedBackbone backbone =
        new TrainedBackbone(ref("ckpt"), new ModelSpec("cnn", 8, 16), 5, 0.9, 0.3, true, null);
    when(models.pretrain(any(), any(), eq(List.of(0, 1, 2, 3, 4)), any(), any()))
        .thenReturn(backbone);
    // 3 methods x 2 seeds = 6 runs, in batches of 2, at most 2 batches at a time.
    ImprintingSpec spec = spec(null);
    imprint.grid = spec.grid().expand();
    imprint.memoized = List.of(2, 1, 0);

    ImprintingWorkflow wf = stub("i1");
    ImprintingResult result = wf.run(spec);

    // Batch 1 finished while batch 0 waited, freeing the one slot batch 2 then took.
    assertEquals(List.of(1, 2, 0), imprint.finished);
    assertEquals(2, imprint.maxInFlight.get());
    TaskSet tasks = new TaskSet(ref("train"), ref("test"), spec.tasks());
    assertEquals(List.of(tasks, tasks, tasks), imprint.taskSets);
    assertEquals(List.of(ref("runs-0"), ref("runs-1"), ref("runs-2")), imprint.summarized);
    assertEquals(spec.grid().methods(), imprint.cd.methods());

    assertEquals(backbone, result.backbone());
    assertEquals(tasks, result.tasks());
    assertEquals(imprint.summary, result.summary());
    assertEquals(3, result.memoizedRuns());
    // cached: pretrain and the fully memoized batch; steps: pretrain, 2 embeds, 3 batches,
    // summarize
    assertEquals(2, result.cachedSteps());
    assertEquals(7, result.totalSteps());
    assertEquals(
        List.of(
            "pretrain CACHED",
            "embed-train DONE",
            "embed-test DONE",
            "batch 1/3 CACHED",
            "batch 2/3 DONE",
            "batch 3/3 DONE",
            "summarize DONE",
            "report.html DONE"),
        wf.progress().stages().stream().map(s -> s.stage() + " " + s.state()).toList());
    assertEquals(1, reports.requests.size());
    WorkflowReplayer.replayWorkflowExecution(
        env.getWorkflowClient().fetchHistory("i1"), ImprintingWorkflowImpl.class);
  }

  @Test
  void aTorchScriptBackboneIsInspectedNotPretrained() {
    var parts =
        new BackboneRef.TorchScript(
            "/data/vit",
            Map.of("front.pt", "ab"),
            new ImageShape(3, 224, 224),
            "fc",
            List.of(8, 8),
            8);
    when(models.inspectTorchScript(any(), eq("/data/vit"))).thenReturn(parts);
    ImprintingSpec spec = spec("/data/vit");
    imprint.grid = spec.grid().expand();
    imprint.memoized = List.of(0, 0, 0);

    ImprintingResult result = stub("i2").run(spec);

    verify(models, never()).pretrain(any(), any(), anyList(), any(), any());
    verify(models).embed(any(), any(), eq(Split.TRAIN), eq(DOWNSTREAM), eq(parts));
    assertNull(result.backbone());
    assertEquals(0, result.memoizedRuns());
  }

  private ImprintingWorkflow stub(String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            ImprintingWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CPU).build());
  }

  private static ImprintingSpec spec(String torchscript) {
    GridSpec grid =
        new GridSpec(
            null,
            List.of("mean", "kmeans", "all"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(0L, 1L));
    return new ImprintingSpec(
        null,
        "unit",
        DatasetSpec.fashionMnist(null, 50, 20),
        new ModelSpec("cnn", 8, 16),
        torchscript == null ? new PretrainSpec(List.of(0, 1, 2, 3, 4), 1, 32, 0.001, 7) : null,
        torchscript == null ? null : DOWNSTREAM,
        null,
        grid,
        2,
        2,
        null,
        torchscript,
        true);
  }

  static ArtifactRef ref(String name) {
    String sha = String.format("%064x", Math.abs((long) name.hashCode()));
    return new ArtifactRef("s3://repflow/unit/" + name, sha, 10, List.of(10L, 4L), "json");
  }

  /**
   * Records what the workflow asks for. Batch i (found by its first run's place in the grid)
   * returns {@code runs-i} with {@code memoized.get(i)} runs memoized. Batch 0 waits until the last
   * batch has finished, so batches finish in another order than they start, and the last one can
   * only start once a batch finished beside the waiting one.
   */
  static final class FakeImprinting implements ImprintingActivities {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final List<TaskSet> taskSets = new ArrayList<>();
    final List<Integer> finished = new ArrayList<>();
    final CountDownLatch lastFinished = new CountDownLatch(1);
    volatile List<ImprintConfig> grid;
    volatile List<Integer> memoized;
    volatile List<ArtifactRef> summarized;
    volatile CdSpec cd;
    final ImprintingSummary summary =
        new ImprintingSummary(
            ref("table"),
            ref("cd.svg"),
            ref("tests"),
            List.of("all"),
            List.of(0L, 1L),
            6,
            List.of(new MethodScore("l2|mean|l2|l2|max", List.of(0.8), 0.8)),
            List.of(new RankedMethod("l2|mean|l2|l2|max", List.of(0.8), 0.8, 1.0)),
            3.0,
            0.2,
            List.of(List.of("l2|mean|l2|l2|max")),
            true,
            false);

    @Override
    public BatchResult evaluate(RunContext run, TaskSet tasks, List<ImprintConfig> configs) {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      int index = grid.indexOf(configs.get(0)) / configs.size();
      try {
        if (index == 0 && !lastFinished.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the last batch never ran beside batch 0");
        }
        synchronized (this) {
          taskSets.add(tasks);
          finished.add(index);
        }
        if (index == memoized.size() - 1) {
          lastFinished.countDown();
        }
        return new BatchResult(ref("runs-" + index), configs.size(), memoized.get(index));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        inFlight.decrementAndGet();
      }
    }

    @Override
    public ImprintingSummary summarize(
        RunContext run, TaskSet tasks, List<ArtifactRef> refs, CdSpec cd) {
      this.summarized = refs;
      this.cd = cd;
      return summary;
    }
  }
}
