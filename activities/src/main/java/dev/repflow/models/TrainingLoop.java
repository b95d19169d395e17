package dev.repflow.models;

import ai.djl.ndarray.NDManager;
import dev.repflow.data.ImageShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one supervised training loop, of pretraining and anchored training alike: a backbone plus
 * linear head, softmax cross-entropy, a seeded shuffle per epoch ({@link Epoch}), and a checkpoint
 * (a temp file, {@link Checkpoints}) after every epoch. What differs between methods is passed in:
 * the {@link Optimizer} (Adam, or SGD on a schedule) and the {@link TrainingInputs} (plain images,
 * or anchored inputs).
 *
 * <p>A manual loop rather than DJL's Trainer, because resume must be exact: the optimizer state is
 * ours and goes into every epoch checkpoint, and every random draw of epoch {@code e} is seeded by
 * ({@code seed}, {@code e}), so a run resumed after epoch k computes the same weights as an
 * uninterrupted one. The seed also fixes the initial weights.
 */
public final class TrainingLoop {
  private static final Logger log = LoggerFactory.getLogger(TrainingLoop.class);

  private final Plan plan;

  public TrainingLoop(Plan plan) {
    this.plan = plan;
  }

  /**
   * What to train and how.
   *
   * @param input shape of one network input, e.g. twice the image channels when anchored
   * @param label prefix of the log lines (e.g. the model variant's name), or empty
   */
  public record Plan(
      ModelSpec model,
      int numClasses,
      ImageShape input,
      int epochs,
      int batchSize,
      long seed,
      Optimizer optimizer,
      String label) {}

  /**
   * Trains on every image that {@code targets} labels.
   *
   * @param targets {@code [N]} class indices 0..numClasses-1 of the training images
   * @param inputs builds each batch's network input from rows of the training images
   * @param resume null to start afresh
   * @return the final checkpoint, a temp file the caller deletes
   * @throws IllegalArgumentException when the resume checkpoint does not match
   */
  public TrainingOutcome train(
      int[] targets, TrainingInputs inputs, Resume resume, TrainingListener listener) {
    Path resumeFile = resume == null ? null : resume.checkpointFile();
    Path checkpoint = resumeFile;
    try (NDManager base = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      LoadedCheckpoint start = start(resume, base);
      Classifier model = start.model();
      TrainingState state = start.state();
      model.trainableParameters().forEach(p -> p.getArray().setRequiresGradient(true));
      for (int e = state.completedEpochs(); e < plan.epochs(); e++) {
        long begin = System.nanoTime();
        Epoch.Stats stats =
            new Epoch(e, plan.batchSize(), plan.seed())
                .run(
                    model,
                    plan.optimizer(),
                    state.optimizer(),
                    inputs.epoch(e),
                    targets,
                    base,
                    listener);
        state = new TrainingState(e + 1, stats.accuracy(), stats.meanLoss(), state.optimizer());
        Path previous = checkpoint;
        checkpoint = newCheckpointFile(e + 1);
        Checkpoints.save(checkpoint, model, state, plan.optimizer());
        deleteOwn(previous, resumeFile);
        log.info(
            "{}epoch {}/{}: loss {}, train accuracy {}, {} images/s",
            plan.label().isEmpty() ? "" : plan.label() + " ",
            e + 1,
            plan.epochs(),
            String.format(Locale.ROOT, "%.4f", stats.meanLoss()),
            String.format(Locale.ROOT, "%.3f", stats.accuracy()),
            Math.round(targets.length / ((System.nanoTime() - begin) / 1e9)));
        listener.onEpochEnd(e + 1, checkpoint, stats.accuracy(), stats.meanLoss());
      }
      return new TrainingOutcome(
          checkpoint, state.completedEpochs(), state.trainAccuracy(), state.meanLoss());
    } catch (RuntimeException e) {
      deleteOwn(checkpoint, resumeFile);
      throw e;
    }
  }

  private LoadedCheckpoint start(Resume resume, NDManager base) {
    if (resume == null) {
      Classifier model = Backbones.build(plan.model(), plan.numClasses(), plan.input());
      model.initialize(base, plan.seed());
      Optimizer optimizer = plan.optimizer();
      var zeros = OptimizerState.zeros(model.trainableParameters(), optimizer.slots(), base);
      return new LoadedCheckpoint(model, new TrainingState(0, Double.NaN, Double.NaN, zeros));
    }
    if (resume.completedEpochs() > plan.epochs()) {
      throw new IllegalArgumentException(
          "cannot resume after epoch " + resume.completedEpochs() + " of " + plan.epochs());
    }
    LoadedCheckpoint loaded = Checkpoints.loadForTraining(resume.checkpointFile(), plan, base);
    if (loaded.state().completedEpochs() != resume.completedEpochs()) {
      throw new IllegalArgumentException(
          String.format(
              "checkpoint %s holds %d epochs, but resume expects %d",
              resume.checkpointFile(), loaded.state().completedEpochs(), resume.completedEpochs()));
    }
    return loaded;
  }

  private static Path newCheckpointFile(int epoch) {
    try {
      return Files.createTempFile("repflow-epoch" + epoch + "-", ".params");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a checkpoint file", e);
    }
  }

  /** Deletes a checkpoint this run wrote; the caller's resume file is left alone. */
  private static void deleteOwn(Path file, Path resumeFile) {
    if (file == null || file.equals(resumeFile)) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("could not delete old checkpoint {}: {}", file, e.toString());
    }
  }
}
