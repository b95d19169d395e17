package dev.repflow.models;

import static dev.repflow.steps.ActivityHarness.RUN;
import static dev.repflow.steps.ActivityHarness.SMALL_DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.StepProgress;
import dev.repflow.data.ImageShape;
import dev.repflow.data.Split;
import dev.repflow.steps.ActivityHarness;
import dev.repflow.steps.StepCache;
import dev.repflow.testing.BitRot;
import dev.repflow.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("determinism")
class ModelActivitiesImplTest {
  private static final List<Integer> PRETRAIN = List.of(0, 1, 2, 3, 4);
  private static final List<Integer> HELD_OUT = List.of(5, 6, 7, 8, 9);
  private static final ModelSpec MODEL = new ModelSpec("cnn", 4, 8);
  private static final TrainSpec TWO_EPOCHS = new TrainSpec(2, 50, 0.003, 11);
  private static final TrainSpec THREE = new TrainSpec(3, 50, 0.003, 11);

  /** sha256 of the checkpoint of an uninterrupted three-epoch training. */
  private static String uninterruptedThreeEpochs;

  @TempDir Path dir;

  @BeforeAll
  static void trainThreeEpochsWithoutInterruption(@TempDir Path reference) {
    try (ActivityHarness h = new ActivityHarness(reference)) {
      h.env.registerActivitiesImplementations(new ModelActivitiesImpl(h.store));
      uninterruptedThreeEpochs =
          h.stub(ModelActivities.class)
              .pretrain(RUN, SMALL_DATA, PRETRAIN, MODEL, THREE)
              .checkpoint()
              .sha256();
    }
  }

  private ActivityHarness harness;
  private ModelActivities activities;

  @BeforeEach
  void setUp() {
    harness = new ActivityHarness(dir);
    harness.env.registerActivitiesImplementations(new ModelActivitiesImpl(harness.store));
    activities = harness.stub(ModelActivities.class);
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void pretrainsEmbedsAndReusesFinishedSteps() {
    TrainedBackbone backbone = activities.pretrain(RUN, SMALL_DATA, PRETRAIN, MODEL, TWO_EPOCHS);
    StepResult train = activities.embed(RUN, SMALL_DATA, Split.TRAIN, HELD_OUT, backbone.ref());

    assertFalse(backbone.cached());
    assertEquals(5, backbone.numClasses());
    assertEquals(List.of(200L, 8L), train.artifact().shape());
    var table = new FeatureFiles(harness.store).read(train.artifact());
    assertEquals("embeddings", table.attributes().get("kind"));
    assertEquals("train", table.attributes().get("split"));
    assertEquals(64, table.attributes().get("spec_sha256").length());
    assertEquals("starting", harness.heartbeats.get(0).message(), harness.heartbeats.toString());

    TrainedBackbone again = activities.pretrain(RUN, SMALL_DATA, PRETRAIN, MODEL, TWO_EPOCHS);
    StepResult trainAgain = activities.embed(RUN, SMALL_DATA, Split.TRAIN, HELD_OUT, again.ref());
    assertTrue(again.cached());
    assertEquals(backbone.checkpoint(), again.checkpoint());
    assertTrue(trainAgain.cached());
    assertEquals(train.artifact(), trainAgain.artifact());
  }

  @Test
  void aRetriedAttemptResumesFromTheCheckpointInItsHeartbeat() throws Exception {
    // An uninterrupted run, for reference, in another experiment so nothing is shared.
    var fresh = new RunContext("uninterrupted", true);
    TrainedBackbone uninterrupted =
        activities.pretrain(fresh, SMALL_DATA, PRETRAIN, MODEL, TWO_EPOCHS);

    // The previous attempt died after epoch 1: its last heartbeat names that epoch's checkpoint.
    TrainedBackbone oneEpoch =
        activities.pretrain(RUN, SMALL_DATA, PRETRAIN, MODEL, new TrainSpec(1, 50, 0.003, 11));
    harness.heartbeats.clear();
    harness.env.setHeartbeatDetails(
        new StepProgress("pretrain", "epoch", 1, 2, "epoch 1/2 done", 1, oneEpoch.checkpoint()));

    TrainedBackbone resumed = activities.pretrain(RUN, SMALL_DATA, PRETRAIN, MODEL, TWO_EPOCHS);

    assertEquals(
        "resuming after epoch 1",
        harness.heartbeats.get(0).message(),
        "training went on with epoch 2: " + harness.heartbeats);
    // Epoch 1 checkpoints: the one-epoch run's and the uninterrupted run's, none from the resumed
    // one.
    assertEquals(2, storedCheckpoints("-epoch1.params"));
    assertEquals(uninterrupted.checkpoint().sha256(), resumed.checkpoint().sha256());
  }

  @Test
  void aNewRunAfterACrashResumesFromTheStoredEpochCheckpoints() throws Exception {
    crashWhileStoring("-epoch3.params");
    harness.heartbeats.clear();

    // A new activity, as after the CLI was killed and started again: no heartbeat details.
    TrainedBackbone resumed = activities.pretrain(RUN, SMALL_DATA, PRETRAIN, MODEL, THREE);

    assertEquals("resuming after epoch 2", harness.heartbeats.get(0).message());
    assertEquals(uninterruptedThreeEpochs, resumed.checkpoint().sha256());
  }

  @Test
  void aCorruptEpochCheckpointIsNamedAndItsEpochTrainedAgain() throws Exception {
    crashWhileStoring("-epoch3.params");
    Path epoch2 = storedFile(RUN.experiment() + "/", "-epoch2.params");
    BitRot.flipByte(epoch2);
    harness.heartbeats.clear();

    TrainedBackbone resumed;
    try (LogCapture log = LogCapture.of(EpochCheckpoints.class)) {
      resumed = activities.pretrain(RUN, SMALL_DATA, PRETRAIN, MODEL, THREE);
      assertTrue(
          log.messages().stream().anyMatch(m -> m.contains(epoch2.getFileName() + " is corrupt")),
          log.messages().toString());
    }

    assertEquals("resuming after epoch 1", harness.heartbeats.get(0).message());
    assertEquals(uninterruptedThreeEpochs, resumed.checkpoint().sha256());
    // Epoch 2 was trained again and stored again, intact.
    assertTrue(harness.store.find(keyOf(epoch2)).isPresent());
    harness.store.verify(harness.store.find(keyOf(epoch2)).orElseThrow());
  }

  @Test
  void aRunWithoutCacheDoesNotResumeFromEarlierRuns() throws Exception {
    crashWhileStoring("-epoch3.params");
    harness.heartbeats.clear();

    activities.pretrain(
        new RunContext(RUN.experiment(), false), SMALL_DATA, PRETRAIN, MODEL, THREE);

    assertEquals("starting", harness.heartbeats.get(0).message());
  }

  @Test
  void aCorruptCachedCheckpointIsTrainedAgainNotReused() throws Exception {
    TrainedBackbone first = activities.pretrain(RUN, SMALL_DATA, PRETRAIN, MODEL, TWO_EPOCHS);
    Path finalCheckpoint = storedFile(RUN.experiment() + "/", first.checkpoint().key());
    BitRot.flipByte(finalCheckpoint);

    TrainedBackbone again;
    try (LogCapture log = LogCapture.of(StepCache.class)) {
      again = activities.pretrain(RUN, SMALL_DATA, PRETRAIN, MODEL, TWO_EPOCHS);
      assertTrue(
          log.messages().stream().anyMatch(m -> m.contains(first.checkpoint().uri())),
          log.messages().toString());
    }

    assertFalse(again.cached(), "a corrupt checkpoint must not count as a finished step");
    assertEquals(first.checkpoint(), again.checkpoint());
    harness.store.verify(again.checkpoint());
  }

  /** Runs the three-epoch pretraining in {@link #RUN} and dies storing the file {@code suffix}. */
  private void crashWhileStoring(String suffix) {
    try (ActivityHarness crashing = new ActivityHarness(dir)) {
      crashing.env.registerActivitiesImplementations(
          new ModelActivitiesImpl(new DiesStoring(harness.store, suffix)));
      ModelActivities dying = crashing.stub(ModelActivities.class);
      assertThrows(
          RuntimeException.class, () -> dying.pretrain(RUN, SMALL_DATA, PRETRAIN, MODEL, THREE));
    }
  }

  /** The local store's file of the object whose key starts with {@code prefix} and ends so. */
  private Path storedFile(String prefix, String suffix) throws IOException {
    Path bucket = dir.resolve("repflow");
    try (var files = Files.walk(bucket)) {
      return files
          .filter(p -> bucket.relativize(p).toString().startsWith(prefix))
          .filter(p -> p.toString().endsWith(suffix))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no stored " + prefix + "..." + suffix));
    }
  }

  private String keyOf(Path stored) {
    return dir.resolve("repflow").relativize(stored).toString();
  }

  /** A store that fails, like a killed process, when asked to store a key ending in a suffix. */
  private record DiesStoring(ArtifactStore delegate, String suffix) implements ArtifactStore {
    @Override
    public String bucket() {
      return delegate.bucket();
    }

    @Override
    public ArtifactRef put(String key, Path file, String format, List<Long> shape) {
      if (key.endsWith(suffix)) {
        throw new IllegalStateException("killed while storing " + key);
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

  private long storedCheckpoints(String suffix) throws IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
    }
  }

  @Test
  void largeImagesAreEmbeddedInBatchesShortEnoughToHeartbeat() {
    assertEquals(256, ModelActivitiesImpl.embedBatch(new ImageShape(1, 28, 28)));
    assertEquals(256, ModelActivitiesImpl.embedBatch(new ImageShape(3, 32, 32)));
    assertEquals(27, ModelActivitiesImpl.embedBatch(new ImageShape(3, 224, 224)));
    assertEquals(1, ModelActivitiesImpl.embedBatch(new ImageShape(3, 4096, 4096)));
  }
}
