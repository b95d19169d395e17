package dev.repflow.models;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import dev.repflow.data.ImageShape;
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
 * The one checkpoint format, of pretraining and anchored training alike: a header (magic bytes,
 * ModelSpec label, input channels, number of classes), the DJL parameters of backbone and head,
 * then optional training state (epoch, metrics, optimizer name and state).
 *
 * <p>The header lets a load into a different architecture, channel count (an anchored network takes
 * twice the image channels) or class count fail with a message naming both instead of DJL's shape
 * errors deep inside a forward pass.
 */
public final class Checkpoints {
  /**
   * Leading bytes of every checkpoint (ASCII), so any other file is recognised at once. v2 merged
   * v1 of pretraining (no input channels, Adam only) and of anchoring (SGD only).
   */
  private static final byte[] MAGIC = "repflow-checkpoint-v2\n".getBytes(StandardCharsets.US_ASCII);

  private Checkpoints() {}

  /**
   * Writes {@code model}'s parameters and, when non-null, {@code state} of {@code optimizer} to
   * {@code file}.
   */
  static void save(Path file, Classifier model, TrainingState state, Optimizer optimizer) {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.write(MAGIC);
      out.writeUTF(model.spec().label());
      out.writeInt(model.inputChannels());
      out.writeInt(model.numClasses());
      model.net().saveParameters(out);
      out.writeBoolean(state != null);
      if (state != null) {
        state.write(out, optimizer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + file, e);
    }
  }

  /**
   * Builds the classifier for {@code spec} and loads its parameters from {@code file}.
   *
   * @param input shape of one network input ({@link TrainedBackbone#input()}, {@code
   *     AnchoredModel#input()})
   * @param manager owns the loaded parameters
   * @throws IllegalArgumentException naming the file when it is not a checkpoint, is truncated, or
   *     holds another model spec, input channel count or class count
   */
  public static Classifier load(
      Path file, ModelSpec spec, int numClasses, ImageShape input, NDManager manager) {
    return read(file, spec, numClasses, input, null, manager).model();
  }

  /**
   * Like {@link #load} for the network of {@code plan}, but also reads the training state of its
   * optimizer, to resume.
   */
  static LoadedCheckpoint loadForTraining(Path file, TrainingLoop.Plan plan, NDManager manager) {
    Optimizer optimizer = plan.optimizer();
    LoadedCheckpoint loaded =
        read(file, plan.model(), plan.numClasses(), plan.input(), optimizer, manager);
    if (loaded.state() == null) {
      throw new IllegalArgumentException(
          "checkpoint " + file + " has no training state, so training cannot resume from it");
    }
    OptimizerState state = loaded.state().optimizer();
    if (state.size() != loaded.model().trainableParameters().size()
        || state.slots() != optimizer.slots()) {
      throw new IllegalArgumentException(
          "checkpoint " + file + " has optimizer state of another shape than the network's");
    }
    return loaded;
  }

  /** Reads the header and parameters, then the training state unless {@code optimizer} is null. */
  private static LoadedCheckpoint read(
      Path file,
      ModelSpec spec,
      int numClasses,
      ImageShape input,
      Optimizer optimizer,
      NDManager manager) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("checkpoint " + file + " does not exist");
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (!Arrays.equals(MAGIC, in.readNBytes(MAGIC.length))) {
        throw new IllegalArgumentException(
            "checkpoint " + file + " is not a repflow checkpoint (wrong leading bytes)");
      }
      String label = in.readUTF();
      int channels = in.readInt();
      int classes = in.readInt();
      if (!label.equals(spec.label()) || channels != input.channels() || classes != numClasses) {
        throw new IllegalArgumentException(
            String.format(
                "checkpoint %s holds model %s with %d input channels and %d classes,"
                    + " but %s with %d input channels and %d classes was requested",
                file, label, channels, classes, spec.label(), input.channels(), numClasses));
      }
      Classifier model = Backbones.build(spec, numClasses, input);
      model.net().loadParameters(manager, in);
      TrainingState state =
          optimizer != null && in.readBoolean()
              ? TrainingState.read(in, optimizer, manager, file)
              : null;
      return new LoadedCheckpoint(model, state);
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
