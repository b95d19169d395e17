package dev.repflow.anchoring;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import dev.repflow.data.ImageShape;
import dev.repflow.models.Backbones;
import dev.repflow.models.Classifier;
import dev.repflow.models.ModelSpec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checkpoint of anchored training: header (magic, model label, input channels, classes), the DJL
 * parameters, then the training state (epochs, SGD buffers and step, last epoch's metrics).
 *
 * <p>The header lets a checkpoint of another architecture fail with a message naming both instead
 * of a shape error deep in a forward pass.
 *
 * @param model the network with loaded parameters
 * @param completedEpochs epochs the checkpoint holds
 * @param sgd optimizer buffers and schedule position
 */
record AnchorCheckpoint(
    Classifier model, int completedEpochs, SgdState sgd, double trainAccuracy, double meanLoss) {
  private static final byte[] MAGIC =
      "repflow-anchoring-checkpoint-v1\n".getBytes(StandardCharsets.US_ASCII);

  void save(Path file) {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.write(MAGIC);
      out.writeUTF(model.spec().label());
      out.writeInt(model.inputChannels());
      out.writeInt(model.numClasses());
      model.saveParameters(out);
      out.writeInt(completedEpochs);
      out.writeDouble(trainAccuracy);
      out.writeDouble(meanLoss);
      sgd.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + file, e);
    }
  }

  /**
   * Builds the network for {@code spec} and loads {@code file} into it.
   *
   * @throws IllegalArgumentException naming the file when it is not an anchoring checkpoint, is
   *     truncated, or holds another architecture, channel count or class count
   */
  static AnchorCheckpoint load(
      Path file, ModelSpec spec, ImageShape input, int numClasses, NDManager manager) {
    int inputChannels = input.channels();
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("checkpoint " + file + " does not exist");
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (!Arrays.equals(MAGIC, in.readNBytes(MAGIC.length))) {
        throw new IllegalArgumentException(
            "checkpoint " + file + " is not an anchoring checkpoint (wrong leading bytes)");
      }
      String label = in.readUTF();
      int channels = in.readInt();
      int classes = in.readInt();
      if (!label.equals(spec.label()) || channels != inputChannels || classes != numClasses) {
        throw new IllegalArgumentException(
            String.format(
                "checkpoint %s holds model %s with %d input channels and %d classes,"
                    + " but %s with %d input channels and %d classes was requested",
                file, label, channels, classes, spec.label(), inputChannels, numClasses));
      }
      Classifier model = Backbones.build(spec, numClasses, input);
      model.loadParameters(manager, in);
      int epochs = in.readInt();
      double accuracy = in.readDouble();
      double loss = in.readDouble();
      SgdState sgd = SgdState.read(in, manager);
      if (sgd.size() != model.trainableParameters().size()) {
        throw new IllegalArgumentException(
            "checkpoint " + file + " has optimizer state for a different number of parameters");
      }
      return new AnchorCheckpoint(model, epochs, sgd, accuracy, loss);
    } catch (EOFException e) {
      throw new IllegalArgumentException("checkpoint " + file + " is truncated", e);
    } catch (MalformedModelException e) {
      throw new IllegalArgumentException(
          "checkpoint " + file + " has malformed parameters: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint " + file, e);
    }
  }
}
