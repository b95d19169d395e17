package dev.repflow.steps;

import dev.repflow.artifacts.LocalArtifactStore;
import dev.repflow.artifacts.RunContext;
import dev.repflow.common.StepProgress;
import dev.repflow.data.DatasetSpec;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs activity implementations inside a real activity context (heartbeats, heartbeat details)
 * against a local artifact store, for activity tests.
 */
public final class ActivityHarness implements AutoCloseable {
  /** Small real FashionMNIST subset: 40 train and 10 test images per class. */
  public static final DatasetSpec SMALL_DATA = DatasetSpec.fashionMnist(null, 40, 10);

  public static final RunContext RUN = new RunContext("test", true);

  public final LocalArtifactStore store;
  public final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
  public final List<StepProgress> heartbeats = new CopyOnWriteArrayList<>();

  public ActivityHarness(Path dir) {
    store = new LocalArtifactStore(dir, "repflow");
    env.setActivityHeartbeatListener(StepProgress.class, heartbeats::add);
  }

  /**
   * Stub that runs one attempt, so failures surface as they are thrown. The SDK sends the first
   * heartbeat at once and throttles later ones, so {@link #heartbeats} sees at least the first.
   */
  public <T> T stub(Class<T> activities) {
    return env.newActivityStub(
        activities,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(5))
            .setHeartbeatTimeout(Duration.ofMinutes(1))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }

  @Override
  public void close() {
    env.close();
  }
}
