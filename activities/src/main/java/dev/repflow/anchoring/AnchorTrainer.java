package dev.repflow.anchoring;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageShape;
import dev.repflow.data.Permutations;
import dev.repflow.models.Backbones;
import dev.repflow.models.Classifier;
import dev.repflow.models.GradMode;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.Resume;
import dev.repflow.models.TrainingListener;
import dev.repflow.models.TrainingOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervised training of a standard or anchored network with SGD (momentum, weight decay) on a
 * cosine schedule, checkpointing after every epoch.
 *
 * <p>Every random draw of epoch {@code e} (shuffle, anchors, masking) comes from generators seeded
 * by ({@code seed}, {@code e}), and the checkpoint holds the momentum buffers and step count, so a
 * run resumed after epoch k computes the same weights as an uninterrupted one.
 */
public final class AnchorTrainer {
  private static final Logger log = LoggerFactory.getLogger(AnchorTrainer.class);
  private static final Loss LOSS = Loss.softmaxCrossEntropyLoss();

  /**
   * Trains on all of {@code data}; labels are the class indices 0..numClasses-1.
   *
   * @param resume null to start afresh
   * @return the final checkpoint (a temp file the caller deletes)
   * @throws IllegalArgumentException for bad labels or a resume checkpoint that does not match
   */
  public TrainingOutcome train(
      ImageSet data,
      int numClasses,
      ModelSpec spec,
      AnchorTraining train,
      ModelVariant variant,
      Resume resume,
      TrainingListener listener) {
    for (int label : data.labels()) {
      if (label < 0 || label >= numClasses) {
        throw new IllegalArgumentException("label " + label + " is outside 0.." + (numClasses - 1));
      }
    }
    ImageShape input = variant.inputFor(data.shape());
    int batches = (data.size() + train.batchSize() - 1) / train.batchSize();
    var schedule = new CosineSchedule(train.learningRate(), (long) batches * train.epochs());
    Path resumeFile = resume == null ? null : resume.checkpointFile();
    Path checkpoint = resumeFile;
    try (NDManager base = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      AnchorCheckpoint state = start(spec, input, numClasses, train, resume, base);
      Classifier model = state.model();
      model.trainableParameters().forEach(p -> p.getArray().setRequiresGradient(true));
      ParameterStore store = new ParameterStore(base, false);
      for (int e = state.completedEpochs(); e < train.epochs(); e++) {
        long begin = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        int[] order = Permutations.of(data.size(), train.seed() + e);
        var anchors =
            new TrainingAnchors(data.size(), new Random(train.seed() * 0x9E3779B97F4A7C15L + e));
        for (int b = 0; b < batches; b++) {
          int from = b * train.batchSize();
          int[] rows =
              Arrays.copyOfRange(order, from, Math.min(from + train.batchSize(), order.length));
          float lr = (float) schedule.at(state.sgd().step());
          float loss;
          try (NDManager batch = base.newSubManager()) {
            NDArray x = input(batch, data, rows, variant, anchors);
            NDArray y = batch.create(targets(data, rows));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
              NDArray logits = model.logits(store, x, true);
              NDArray batchLoss = LOSS.evaluate(new NDList(y), new NDList(logits));
              collector.backward(batchLoss);
              loss = batchLoss.getFloat();
              correct += logits.argMax(1).eq(y).countNonzero().getLong();
            }
            state
                .sgd()
                .update(
                    model.trainableParameters(),
                    lr,
                    train.momentum().floatValue(),
                    train.weightDecay().floatValue(),
                    batch);
          }
          lossSum += (double) loss * rows.length;
          listener.onBatch(e + 1, b + 1, batches, loss);
        }
        state =
            new AnchorCheckpoint(
                model, e + 1, state.sgd(), (double) correct / data.size(), lossSum / data.size());
        Path previous = checkpoint;
        checkpoint = Files.createTempFile("repflow-anchoring-epoch" + (e + 1) + "-", ".params");
        state.save(checkpoint);
        deleteOwn(previous, resumeFile);
        log.info(
            "{} epoch {}/{}: loss {}, train accuracy {}, {} images/s",
            variant.name(),
            e + 1,
            train.epochs(),
            String.format(Locale.ROOT, "%.4f", state.meanLoss()),
            String.format(Locale.ROOT, "%.3f", state.trainAccuracy()),
            Math.round(data.size() / ((System.nanoTime() - begin) / 1e9)));
        listener.onEpochEnd(e + 1, checkpoint, state.trainAccuracy(), state.meanLoss());
      }
      return new TrainingOutcome(
          checkpoint, state.completedEpochs(), state.trainAccuracy(), state.meanLoss());
    } catch (IOException e) {
      deleteOwn(checkpoint, resumeFile);
      throw new UncheckedIOException("cannot create a checkpoint file", e);
    } catch (RuntimeException e) {
      deleteOwn(checkpoint, resumeFile);
      throw e;
    }
  }

  /** Plain or anchored batch; anchors (from the training images) and masking per batch. */
  private static NDArray input(
      NDManager manager, ImageSet data, int[] rows, ModelVariant variant, TrainingAnchors anchors) {
    if (!variant.anchored()) {
      return AnchorInputs.plain(manager, data, rows);
    }
    TrainingAnchors.Draw draw = anchors.next(rows.length, variant.alpha());
    return AnchorInputs.anchored(manager, data, rows, data, draw.anchors(), draw.masked());
  }

  private static long[] targets(ImageSet data, int[] rows) {
    long[] out = new long[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = data.labels()[rows[k]];
    }
    return out;
  }

  private static AnchorCheckpoint start(
      ModelSpec spec,
      ImageShape input,
      int numClasses,
      AnchorTraining train,
      Resume resume,
      NDManager base) {
    if (resume == null) {
      Classifier model = Backbones.build(spec, numClasses, input);
      model.initialize(base, train.seed());
      return new AnchorCheckpoint(
          model, 0, SgdState.zeros(model.trainableParameters(), base), Double.NaN, Double.NaN);
    }
    if (resume.completedEpochs() > train.epochs()) {
      throw new IllegalArgumentException(
          "cannot resume after epoch " + resume.completedEpochs() + " of " + train.epochs());
    }
    AnchorCheckpoint loaded =
        AnchorCheckpoint.load(resume.checkpointFile(), spec, input, numClasses, base);
    if (loaded.completedEpochs() != resume.completedEpochs()) {
      throw new IllegalArgumentException(
          String.format(
              "checkpoint %s holds %d epochs, but resume expects %d",
              resume.checkpointFile(), loaded.completedEpochs(), resume.completedEpochs()));
    }
    return loaded;
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
