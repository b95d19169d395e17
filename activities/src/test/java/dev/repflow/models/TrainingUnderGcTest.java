package dev.repflow.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.repflow.testing.GcPressure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Training the ViT gives the same weights while the garbage collector runs: its attention scale is
 * read again by the backward pass, so it must not be a tensor DJL frees early (see {@link
 * Scalars}). Before that fix the loss turned NaN within a few batches.
 */
class TrainingUnderGcTest {
  private static final ModelSpec VIT = new ModelSpec("vit", 16, 16);

  @Test
  void vitTrainingIsTheSameWhileTheCollectorRuns() {
    byte[] quiet = train();
    byte[] collected = GcPressure.during(TrainingUnderGcTest::train);
    assertArrayEquals(quiet, collected);
  }

  private static byte[] train() {
    TrainingOutcome outcome =
        new BackboneTrainer()
            .train(
                Fixtures.train(Fixtures.SEEN),
                Fixtures.SEEN,
                VIT,
                Fixtures.trainSpec(1),
                null,
                TrainingListener.none());
    assertFalse(Double.isNaN(outcome.meanLoss()), "loss is NaN");
    try {
      byte[] bytes = Files.readAllBytes(outcome.checkpoint());
      Files.delete(outcome.checkpoint());
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
