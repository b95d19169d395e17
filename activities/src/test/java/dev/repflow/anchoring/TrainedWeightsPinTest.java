package dev.repflow.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.repflow.artifacts.Sha256;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.models.BackboneTrainer;
import dev.repflow.models.Backbones;
import dev.repflow.models.Checkpoints;
import dev.repflow.models.Classifier;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.TrainSpec;
import dev.repflow.models.TrainingListener;
import dev.repflow.models.TrainingOutcome;
import dev.repflow.numerics.CpuNumerics;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pins the weights that pretraining (Adam) and anchored training (SGD, cosine schedule, anchors and
 * reference masking) produce for fixed configs, so a change to the training loop or the checkpoint
 * format that alters a single bit of the result fails here, and so does a CPU that computes another
 * bit: the pins are for the default numerics profile (portable, 2 threads) on any x86-64 CPU with
 * AVX2. The SGD pins were recorded on an Intel Xeon and hold on an AMD EPYC; the Adam pin was
 * recorded on the AMD EPYC when Adam's square root left MKL's CPU-dispatched vector math (see
 * {@code PortableMath}). The hash covers every parameter's float32 values in order, not the
 * checkpoint file, whose layout may change.
 */
@Tag("determinism")
class TrainedWeightsPinTest {
  private static final ModelSpec MODEL = new ModelSpec("cnn", 4, 8);
  private static final List<Integer> CLASSES = List.of(0, 1, 2, 3, 4);
  private static ImageSet data;

  @BeforeAll
  static void loadData() {
    assumeTrue(
        CpuNumerics.active().tag().equals("portable-t2"),
        "the pinned values hold for the default numerics profile only");
    data = Datasets.load(DatasetSpec.fashionMnist(null, 20, null), Split.TRAIN, CLASSES);
  }

  @Test
  void pretrainingGivesThePinnedWeights() throws IOException {
    TrainingOutcome outcome =
        new BackboneTrainer()
            .train(
                data, CLASSES, MODEL, new TrainSpec(2, 16, 3e-3, 7), null, TrainingListener.none());
    String fingerprint;
    try (NDManager manager = NDManager.newBaseManager()) {
      Classifier model =
          Checkpoints.load(
              outcome.checkpoint(), MODEL, CLASSES.size(), Backbones.FASHION_MNIST, manager);
      fingerprint = fingerprint(model, outcome);
    } finally {
      Files.deleteIfExists(outcome.checkpoint());
    }
    assertEquals(
        "weights=c7bb62b359c5b2fd accuracy=3fd8f5c28f5c28f6 loss=3ff59bfa3ae147ae", fingerprint);
  }

  @Test
  void anchoredTrainingGivesThePinnedWeights() throws IOException {
    assertEquals(
        "weights=35d860f6eda4a761 accuracy=3fd3333333333333 loss=3ff8250b628f5c29",
        anchoredFingerprint(ModelVariant.anchored(0.5)));
  }

  @Test
  void standardTrainingWithSgdGivesThePinnedWeights() throws IOException {
    assertEquals(
        "weights=f567f51798e23674 accuracy=3fd70a3d70a3d70a loss=3ff87de7428f5c29",
        anchoredFingerprint(ModelVariant.standard()));
  }

  private static String anchoredFingerprint(ModelVariant variant) throws IOException {
    TrainingOutcome outcome =
        new AnchorTrainer()
            .train(
                data,
                CLASSES.size(),
                MODEL,
                new AnchorTraining(2, 16, 0.05, 0.9, 5e-4, 11, List.of(0.5), false),
                variant,
                null,
                TrainingListener.none());
    try (NDManager manager = NDManager.newBaseManager()) {
      Classifier model =
          Checkpoints.load(
              outcome.checkpoint(), MODEL, CLASSES.size(), variant.inputFor(data.shape()), manager);
      return fingerprint(model, outcome);
    } finally {
      Files.deleteIfExists(outcome.checkpoint());
    }
  }

  /** sha256 of the parameter values, then the last epoch's metrics to the last bit. */
  private static String fingerprint(Classifier model, TrainingOutcome outcome) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (Parameter p : model.parameters()) {
        for (float v : p.getArray().toFloatArray()) {
          out.writeFloat(v);
        }
      }
    }
    return String.format(
        Locale.ROOT,
        "weights=%s accuracy=%016x loss=%016x",
        Sha256.of(bytes.toByteArray()).substring(0, 16),
        Double.doubleToLongBits(outcome.trainAccuracy()),
        Double.doubleToLongBits(outcome.meanLoss()));
  }
}
