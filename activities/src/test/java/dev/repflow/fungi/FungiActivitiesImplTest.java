package dev.repflow.fungi;

import static dev.repflow.steps.ActivityHarness.RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.StepResult;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Split;
import dev.repflow.models.BackboneRef;
import dev.repflow.models.ModelActivities;
import dev.repflow.models.ModelActivitiesImpl;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.TrainSpec;
import dev.repflow.steps.ActivityHarness;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gradient and evaluation activities on tiny real data in a real activity context. */
class FungiActivitiesImplTest {
  private static final DatasetSpec DATA = DatasetSpec.fashionMnist(null, 12, 4);
  private static final List<Integer> HELD_OUT = List.of(5, 6, 7);
  private static final ModelSpec MODEL = new ModelSpec("cnn", 4, 8);

  @TempDir Path dir;
  private ActivityHarness harness;
  private ModelActivities models;
  private GradientActivities gradients;

  @BeforeEach
  void setUp() {
    harness = new ActivityHarness(dir);
    harness.env.registerActivitiesImplementations(
        new ModelActivitiesImpl(harness.store), new GradientActivitiesImpl(harness.store));
    models = harness.stub(ModelActivities.class);
    gradients = harness.stub(GradientActivities.class);
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void gradientFilesFollowTheArtifactContractAndAreReused() {
    BackboneRef backbone =
        models.pretrain(RUN, DATA, List.of(0, 1, 2), MODEL, new TrainSpec(1, 18, 0.003, 1)).ref();
    FungiProjection projection =
        gradients.plan(RUN, backbone, null, new ProjectionSpec("kronecker", 0, 42L));
    assertEquals("fc", projection.layer());
    assertEquals(8L * (49 * 8 + 1), projection.gradientDim());
    ObjectiveSpec kl = new KlObjectiveSpec(16, 15, 42L);

    StepResult train =
        gradients.gradients(RUN, DATA, Split.TRAIN, HELD_OUT, backbone, kl, projection, 5);

    assertFalse(train.cached());
    assertEquals(List.of(36L, 8L), train.artifact().shape());
    var table = new FeatureFiles(harness.store).read(train.artifact());
    assertEquals("gradients", table.attributes().get("kind"));
    assertEquals("kl", table.attributes().get("objective"));
    assertEquals("fc", table.attributes().get("layer"));
    assertEquals(projection.artifact().uri(), table.attributes().get("projection"));
    assertEquals(
        List.of(5L, 6L, 7L),
        java.util.Arrays.stream(table.labels()).distinct().sorted().boxed().toList());

    // Another batch size gives the same features, so it is the same step.
    StepResult again =
        gradients.gradients(RUN, DATA, Split.TRAIN, HELD_OUT, backbone, kl, projection, 7);
    assertTrue(again.cached());
    assertEquals(train.artifact(), again.artifact());
  }

  @Test
  void projectionLargerThanTheGradientFailsWithoutRetry() {
    ActivityFailure e =
        assertThrows(
            ActivityFailure.class,
            () ->
                gradients.plan(
                    RUN,
                    new BackboneRef.Trained(null, MODEL, 10, DatasetSpec.FASHION_MNIST_SHAPE),
                    "fc",
                    new ProjectionSpec("dense", 100_000, 1L)));
    ApplicationFailure cause = (ApplicationFailure) e.getCause();
    assertTrue(cause.isNonRetryable());
    assertTrue(cause.getOriginalMessage().contains("larger than the gradient"), cause.getMessage());
  }
}
