package dev.repflow.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.JsonArtifacts;
import dev.repflow.models.ModelActivities;
import dev.repflow.models.ModelActivitiesImpl;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.TrainSpec;
import dev.repflow.models.TrainedBackbone;
import dev.repflow.steps.ActivityHarness;
import io.temporal.failure.ActivityFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backbone's trained head read from a real (tiny) checkpoint as NC classifier weights. */
class HeadClassifierTest {
  @TempDir Path dir;

  @Test
  void readsTheHeadOfATrainedCheckpoint() {
    try (ActivityHarness harness = new ActivityHarness(dir)) {
      harness.env.registerActivitiesImplementations(
          new ModelActivitiesImpl(harness.store), new CollapseActivitiesImpl(harness.store));
      List<Integer> classes = List.of(0, 1, 2);
      TrainedBackbone backbone =
          harness
              .stub(ModelActivities.class)
              .pretrain(
                  ActivityHarness.RUN,
                  ActivityHarness.SMALL_DATA,
                  classes,
                  new ModelSpec(null, 4, 8),
                  new TrainSpec(1, 40, 0.003, 3));
      CollapseActivities collapse = harness.stub(CollapseActivities.class);

      ProbeResult head = collapse.headClassifier(ActivityHarness.RUN, backbone, List.of(2, 0, 1));
      assertFalse(head.cached());
      ProbeWeights w = JsonArtifacts.read(harness.store, head.weights(), ProbeWeights.class);
      assertEquals(classes, w.classes());
      assertEquals(3, w.weights().length);
      assertEquals(8, w.weights()[0].length);
      assertEquals(3, w.bias().length);
      assertTrue(collapse.headClassifier(ActivityHarness.RUN, backbone, classes).cached());

      assertThrows(
          ActivityFailure.class,
          () -> collapse.headClassifier(ActivityHarness.RUN, backbone, List.of(0, 1)));
    }
  }
}
