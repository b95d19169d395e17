package dev.repflow.anchoring;

import static dev.repflow.steps.ActivityHarness.SMALL_DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.LocalArtifactStore;
import dev.repflow.artifacts.RunContext;
import dev.repflow.common.ActivityPresets;
import dev.repflow.common.TaskQueues;
import dev.repflow.models.ModelSpec;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training activity dies mid-training (while saving epoch 3 of 4) on its first attempt;
 * Temporal retries it with the production retry policy, and the retry resumes from the epoch-2
 * checkpoint named in the last heartbeat.
 */
@Tag("determinism")
class AnchorTrainingCrashTest {
  private static final ModelSpec MODEL = new ModelSpec("cnn", 4, 8);
  private static final AnchorTraining FOUR_EPOCHS =
      new AnchorTraining(4, 50, 0.05, 0.9, 5e-4, 11, List.of(0.25), false);
  private static final ModelVariant ANCHORED = ModelVariant.anchored(0.25);
  private static final Pattern EPOCH = Pattern.compile("-epoch(\\d+)\\.params$");

  @TempDir Path dir;
  private TestWorkflowEnvironment env;
  private final List<String> epochSaves = new CopyOnWriteArrayList<>();
  private final AtomicBoolean crashed = new AtomicBoolean();

  /** Runs one training step with the pipeline's GPU activity options (retries included). */
  @WorkflowInterface
  public interface TrainOnce {
    @WorkflowMethod
    AnchoredModel train(String experiment);
  }

  public static class TrainOnceImpl implements TrainOnce {
    private final AnchoringActivities gpu =
        Workflow.newActivityStub(AnchoringActivities.class, ActivityPresets.gpuCompute());

    @Override
    public AnchoredModel train(String experiment) {
      return gpu.train(new RunContext(experiment, true), SMALL_DATA, MODEL, FOUR_EPOCHS, ANCHORED);
    }
  }

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    env.newWorker(TaskQueues.CPU).registerWorkflowImplementationTypes(TrainOnceImpl.class);
    env.newWorker(TaskQueues.GPU)
        .registerActivitiesImplementations(
            new AnchoringActivitiesImpl(new CrashingStore(new LocalArtifactStore(dir, "repflow"))));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void aRetryAfterACrashResumesFromTheLastEpochCheckpoint() {
    AnchoredModel resumed = run("crash-run");

    // Attempt 1 saved epochs 1 and 2 and died saving epoch 3; attempt 2 trained epochs 3 and 4.
    assertEquals(
        List.of(
            "attempt 1 epoch 1",
            "attempt 1 epoch 2",
            "attempt 1 epoch 3 (crash)",
            "attempt 2 epoch 3",
            "attempt 2 epoch 4"),
        epochSaves);
    assertEquals(4, resumed.epochs());

    epochSaves.clear();
    AnchoredModel uninterrupted = run("uninterrupted-run");
    assertEquals(4, epochSaves.size(), epochSaves.toString());
    // Momentum buffers, schedule position and random draws were restored: same weights exactly.
    assertEquals(uninterrupted.checkpoint().sha256(), resumed.checkpoint().sha256());
  }

  private AnchoredModel run(String experiment) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            TrainOnce.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(experiment)
                .setTaskQueue(TaskQueues.CPU)
                .build())
        .train(experiment);
  }

  /**
   * Records epoch checkpoint uploads per attempt; the first upload of epoch 3 kills the attempt.
   */
  private final class CrashingStore implements ArtifactStore {
    private final ArtifactStore delegate;

    CrashingStore(ArtifactStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public String bucket() {
      return delegate.bucket();
    }

    @Override
    public ArtifactRef put(String key, Path file, String format, List<Long> shape) {
      Matcher m = EPOCH.matcher(key);
      if (m.find()) {
        String save =
            "attempt "
                + Activity.getExecutionContext().getInfo().getAttempt()
                + " epoch "
                + m.group(1);
        if (m.group(1).equals("3") && crashed.compareAndSet(false, true)) {
          epochSaves.add(save + " (crash)");
          throw new IllegalStateException("simulated worker crash while saving epoch 3");
        }
        epochSaves.add(save);
      }
      return delegate.put(key, file, format, shape);
    }

    @Override
    public Optional<ArtifactRef> find(String key) {
      return delegate.find(key);
    }

    @Override
    public Path download(ArtifactRef ref) {
      return delegate.download(ref);
    }
  }
}
