package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.artifacts.LocalArtifactStore;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.TaskQueues;
import dev.repflow.data.Split;
import dev.repflow.models.ModelActivities;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.PretrainSpec;
import dev.repflow.models.TrainedBackbone;
import dev.repflow.reports.ReportActivitiesImpl;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grid of more than 1,000 runs on tiny features, on the test server with the real imprinting
 * activities: the history stays small (batches, bounded parallelism) and a second workflow run
 * finds every run memoized.
 */
class ImprintingGridHistoryTest {
  private static final int MAX_EVENTS = 400;

  @TempDir Path dir;
  private TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    LocalArtifactStore store = new LocalArtifactStore(dir, "repflow");
    FeatureFiles files = new FeatureFiles(store);
    ArtifactRef train = files.write("t/train.h5", tiny(new Random(1), 6));
    ArtifactRef test = files.write("t/test.h5", tiny(new Random(2), 3));
    ModelActivities models = mock(ModelActivities.class, withSettings().withoutAnnotations());
    ArtifactRef checkpoint =
        new ArtifactRef("s3://repflow/t/ckpt.params", "0".repeat(64), 1, List.of(), "params");
    when(models.pretrain(any(), any(), anyList(), any(), any()))
        .thenReturn(
            new TrainedBackbone(checkpoint, new ModelSpec(null, 4, 4), 2, 1, 0, true, null));
    when(models.embed(any(), any(), eq(Split.TRAIN), anyList(), any()))
        .thenReturn(new StepResult(train, true));
    when(models.embed(any(), any(), eq(Split.TEST), anyList(), any()))
        .thenReturn(new StepResult(test, true));

    env = TestWorkflowEnvironment.newInstance();
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(ImprintingWorkflowImpl.class);
    cpu.registerActivitiesImplementations(
        new ImprintingActivitiesImpl(store),
        new ReportActivitiesImpl(store, id -> Optional.empty()));
    env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(models);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void thousandRunGridKeepsHistorySmallAndIsMemoized() throws Exception {
    ImprintingSpec spec = spec();
    int runs = spec.grid().expand().size();
    assertTrue(runs >= 1000, "grid has " + runs + " runs");

    ImprintingResult first = start("grid-1").run(spec);
    int events = env.getWorkflowClient().fetchHistory("grid-1").getEvents().size();
    assertTrue(events < MAX_EVENTS, "history has " + events + " events");
    org.slf4j.LoggerFactory.getLogger(getClass()).info("{} runs, {} history events", runs, events);
    assertEquals(runs, first.summary().runs());
    assertEquals(0, first.memoizedRuns());
    assertEquals(List.of("abc", "ab"), first.summary().tasks());
    // the bounded fan-out (Promise.anyOf) must replay deterministically
    WorkflowReplayer.replayWorkflowExecution(
        env.getWorkflowClient().fetchHistory("grid-1"), ImprintingWorkflowImpl.class);

    ImprintingResult second = start("grid-2").run(spec);
    assertEquals(runs, second.memoizedRuns());
    assertTrue(second.summary().cached());
  }

  private ImprintingWorkflow start(String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            ImprintingWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CPU).build());
  }

  private static ImprintingSpec spec() {
    GridSpec grid =
        new GridSpec(
            List.of("none", "l2"),
            List.of("mean", "kmeans", "all", "ls"),
            List.of(1, 2, 3),
            List.of(0.1, 1.0),
            List.of("none", "l2", "quantile"),
            List.of("none", "l2"),
            List.of("max", "mnn"),
            List.of(1, 5),
            List.of("euclidean", "cosine"),
            List.of("uniform", "distance"),
            List.of(0L, 1L, 2L));
    return new ImprintingSpec(
        null,
        "grid-test",
        null,
        null,
        new PretrainSpec(List.of(0, 1, 2, 3, 4), 1, 8, 0.01, 1),
        List.of(5, 6, 7),
        List.of(
            new ImprintTask("abc", List.of(5, 6, 7), 0), new ImprintTask("ab", List.of(5, 6), 3)),
        grid,
        100,
        3,
        new CdSpec(
            List.of("l2|mean|l2|l2|max", "l2|all|l2|l2|max", "none|mean|quantile|none|max"), 0.05),
        null,
        true);
  }

  /** 3 classes (ids 5-7), {@code perClass} rows each, 4 dims around class-specific centres. */
  private static FeatureTable tiny(Random random, int perClass) {
    float[][] x = new float[3 * perClass][4];
    long[] y = new long[3 * perClass];
    for (int i = 0; i < y.length; i++) {
      y[i] = 5 + i % 3;
      for (int d = 0; d < 4; d++) {
        x[i][d] = (float) ((d == i % 3 ? 2 : 0) + random.nextGaussian());
      }
    }
    return new FeatureTable(x, y, null, Map.of("kind", "embeddings"));
  }
}
