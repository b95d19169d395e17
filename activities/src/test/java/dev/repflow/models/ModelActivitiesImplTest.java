package dev.repflow.models;

import static dev.repflow.steps.ActivityHarness.RUN;
import static dev.repflow.steps.ActivityHarness.SMALL_DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.StepProgress;
import dev.repflow.data.Split;
import dev.repflow.steps.ActivityHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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

  @TempDir Path dir;
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
    assertTrue(
        harness.heartbeats.get(0).message().startsWith("epoch 1/2 batch 1/4 loss"),
        harness.heartbeats.toString());

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
    var fresh = new dev.repflow.artifacts.RunContext("uninterrupted", true);
    TrainedBackbone uninterrupted =
        activities.pretrain(fresh, SMALL_DATA, PRETRAIN, MODEL, TWO_EPOCHS);

    // The previous attempt died after epoch 1: its last heartbeat names that epoch's checkpoint.
    TrainedBackbone oneEpoch =
        activities.pretrain(RUN, SMALL_DATA, PRETRAIN, MODEL, new TrainSpec(1, 50, 0.003, 11));
    harness.heartbeats.clear();
    harness.env.setHeartbeatDetails(
        new StepProgress("pretrain", "epoch", 1, 2, "epoch 1/2 done", 1, oneEpoch.checkpoint()));

    TrainedBackbone resumed = activities.pretrain(RUN, SMALL_DATA, PRETRAIN, MODEL, TWO_EPOCHS);

    assertTrue(
        harness.heartbeats.get(0).message().startsWith("epoch 2/2 batch 1/4"),
        "training went on with epoch 2: " + harness.heartbeats);
    // Epoch 1 checkpoints: the one-epoch run's and the uninterrupted run's, none from the resumed
    // one.
    assertEquals(2, storedCheckpoints("-epoch1.params"));
    assertEquals(uninterrupted.checkpoint().sha256(), resumed.checkpoint().sha256());
  }

  private long storedCheckpoints(String suffix) throws java.io.IOException {
    try (var files = java.nio.file.Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
    }
  }
}
