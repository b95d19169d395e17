package dev.repflow.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains the small CNN on 500 real images of classes 0-4. */
@Tag("determinism")
class BackboneTrainerTest {
  private static ImageSet data;
  private final List<Path> checkpoints = new ArrayList<>();
  @TempDir Path tmp;

  @BeforeAll
  static void loadData() {
    data = Fixtures.train(Fixtures.SEEN);
  }

  @AfterEach
  void deleteCheckpoints() throws IOException {
    for (Path p : checkpoints) {
      Files.deleteIfExists(p);
    }
  }

  @Test
  void lossDecreasesAndAccuracyBeatsChance() {
    EpochLog log = new EpochLog();
    TrainingOutcome outcome = train(Fixtures.trainSpec(3), null, log);

    assertEquals(3, outcome.epochs());
    assertEquals(List.of(1, 2, 3), log.epochs);
    // 500 images at batch 64: 7 full batches and a partial one of 52.
    assertEquals(3 * 8, log.batches);
    assertTrue(log.losses.get(2) < log.losses.get(0), "epoch losses " + log.losses);
    assertTrue(outcome.trainAccuracy() > 0.5, "accuracy " + outcome.trainAccuracy());
    assertEquals(log.losses.get(2), outcome.meanLoss());
    assertTrue(Files.isRegularFile(outcome.checkpoint()));
    // Earlier epochs' checkpoints are replaced, not left behind in the temp dir.
    assertFalse(log.files.subList(0, 2).stream().anyMatch(Files::exists));
  }

  @Test
  void sameSeedGivesIdenticalEmbeddings() {
    float[][] first = embed(train(Fixtures.trainSpec(2), null, TrainingListener.none()));
    float[][] second = embed(train(Fixtures.trainSpec(2), null, TrainingListener.none()));
    assertEquals(0.0, Fixtures.maxAbsDiff(first, second));
  }

  @Test
  void resumedRunMatchesUninterruptedRun() throws IOException {
    TrainingOutcome uninterrupted = train(Fixtures.trainSpec(3), null, TrainingListener.none());
    // Crash after epoch 1, keeping the checkpoint as the activity would have uploaded it.
    Path saved = tmp.resolve("epoch1.params");
    TrainingListener crashAfterFirstEpoch =
        new TrainingListener() {
          @Override
          public void onEpochEnd(int epoch, Path file, double accuracy, double loss) {
            copy(file, saved);
            throw new IllegalStateException("worker lost");
          }
        };
    assertThrows(
        IllegalStateException.class,
        () -> train(Fixtures.trainSpec(3), null, crashAfterFirstEpoch));

    EpochLog log = new EpochLog();
    TrainingOutcome resumed = train(Fixtures.trainSpec(3), new Resume(1, saved), log);

    assertEquals(List.of(2, 3), log.epochs);
    assertEquals(3, resumed.epochs());
    assertEquals(uninterrupted.trainAccuracy(), resumed.trainAccuracy());
    assertEquals(uninterrupted.meanLoss(), resumed.meanLoss());
    assertArrayEquals(embed(uninterrupted), embed(resumed));
    assertTrue(Files.exists(saved), "the caller's resume file is left alone");
  }

  @Test
  void resumeFromAFinishedRunReturnsItsCheckpoint() {
    TrainingOutcome done = train(Fixtures.trainSpec(1), null, TrainingListener.none());
    TrainingOutcome again =
        train(Fixtures.trainSpec(1), new Resume(1, done.checkpoint()), TrainingListener.none());
    assertEquals(done, again);
  }

  @Test
  void resumeWithTheWrongEpochCountFails() {
    TrainingOutcome done = train(Fixtures.trainSpec(1), null, TrainingListener.none());
    Resume wrong = new Resume(2, done.checkpoint());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> train(Fixtures.trainSpec(3), wrong, TrainingListener.none()));
    assertTrue(e.getMessage().contains("holds 1 epochs, but resume expects 2"), e.getMessage());
  }

  @Test
  void labelsOutsideTheClassesFail() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new BackboneTrainer()
                    .train(
                        data,
                        List.of(0, 1),
                        Fixtures.SMALL,
                        Fixtures.trainSpec(1),
                        null,
                        TrainingListener.none()));
    assertTrue(e.getMessage().contains("not among the training classes [0, 1]"), e.getMessage());
  }

  private TrainingOutcome train(TrainSpec spec, Resume resume, TrainingListener listener) {
    TrainingOutcome outcome =
        new BackboneTrainer().train(data, Fixtures.SEEN, Fixtures.SMALL, spec, resume, listener);
    checkpoints.add(outcome.checkpoint());
    return outcome;
  }

  private static float[][] embed(TrainingOutcome outcome) {
    return Fixtures.embed(
        Datasets.open(Fixtures.TRAIN, Split.TRAIN, Fixtures.SEEN),
        outcome.checkpoint(),
        Fixtures.SMALL,
        5,
        128,
        (b, n, rate) -> {});
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records epoch ends and batch counts. */
  private static final class EpochLog implements TrainingListener {
    final List<Integer> epochs = new ArrayList<>();
    final List<Double> losses = new ArrayList<>();
    final List<Path> files = new ArrayList<>();
    int batches;

    @Override
    public void onBatch(int epoch, int batch, int batchesPerEpoch, float loss) {
      batches++;
    }

    @Override
    public void onEpochEnd(int epoch, Path file, double accuracy, double meanLoss) {
      epochs.add(epoch);
      losses.add(meanLoss);
      files.add(file);
    }
  }
}
