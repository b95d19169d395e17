package dev.repflow.models;

import ai.djl.ndarray.NDManager;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervised training of a backbone plus linear head with softmax cross-entropy and Adam.
 *
 * <p>A manual loop rather than DJL's Trainer, because resume must be exact: the Adam moments are
 * ours ({@link AdamState}) and go into every epoch checkpoint. The same {@link TrainSpec#seed()}
 * gives the same weights: the seed fixes init and each epoch's shuffle (see {@link Epoch}).
 */
public final class BackboneTrainer {
  private static final Logger log = LoggerFactory.getLogger(BackboneTrainer.class);

  /**
   * Trains on all of {@code data}, writing a checkpoint (a temp file) after every epoch.
   *
   * @param classes class ids to learn; labels map to outputs 0..C-1 in sorted id order
   * @param resume null to start afresh
   * @throws IllegalArgumentException when labels fall outside {@code classes}, the architecture
   *     cannot take the images, or the resume checkpoint does not match
   */
  public TrainingOutcome train(
      ImageSet data,
      List<Integer> classes,
      ModelSpec spec,
      TrainSpec train,
      Resume resume,
      TrainingListener listener) {
    ClassIndex index = ClassIndex.of(classes);
    int[] targets = index.targets(data.labels());
    Path resumeFile = resume == null ? null : resume.checkpointFile();
    Path checkpoint = resumeFile;
    try (NDManager base = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      LoadedCheckpoint start = start(spec, index.size(), data.shape(), train, resume, base);
      Classifier model = start.model();
      TrainingState state = start.state();
      model.trainableParameters().forEach(p -> p.getArray().setRequiresGradient(true));
      for (int e = state.completedEpochs(); e < train.epochs(); e++) {
        long begin = System.nanoTime();
        Epoch.Stats stats =
            new Epoch(e, train).run(model, state.adam(), data, targets, base, listener);
        state = new TrainingState(e + 1, stats.accuracy(), stats.meanLoss(), state.adam());
        Path previous = checkpoint;
        checkpoint = newCheckpointFile(e + 1);
        Checkpoints.save(checkpoint, model, state);
        deleteOwn(previous, resumeFile);
        log.info(
            "epoch {}/{}: loss {}, train accuracy {}, {} images/s",
            e + 1,
            train.epochs(),
            String.format(Locale.ROOT, "%.4f", stats.meanLoss()),
            String.format(Locale.ROOT, "%.3f", stats.accuracy()),
            Math.round(data.size() / ((System.nanoTime() - begin) / 1e9)));
        listener.onEpochEnd(e + 1, checkpoint, stats.accuracy(), stats.meanLoss());
      }
      return new TrainingOutcome(
          checkpoint, state.completedEpochs(), state.trainAccuracy(), state.meanLoss());
    } catch (RuntimeException e) {
      deleteOwn(checkpoint, resumeFile);
      throw e;
    }
  }

  private static LoadedCheckpoint start(
      ModelSpec spec,
      int numClasses,
      ImageShape input,
      TrainSpec train,
      Resume resume,
      NDManager base) {
    if (resume == null) {
      Classifier model = Backbones.build(spec, numClasses, input);
      model.initialize(base, train.seed());
      AdamState adam = AdamState.zeros(model.trainableParameters(), base);
      return new LoadedCheckpoint(model, new TrainingState(0, Double.NaN, Double.NaN, adam));
    }
    if (resume.completedEpochs() > train.epochs()) {
      throw new IllegalArgumentException(
          "cannot resume after epoch " + resume.completedEpochs() + " of " + train.epochs());
    }
    LoadedCheckpoint loaded =
        Checkpoints.loadForTraining(resume.checkpointFile(), spec, numClasses, input, base);
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
