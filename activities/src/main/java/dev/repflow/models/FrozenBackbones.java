package dev.repflow.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.repflow.artifacts.ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the network a {@link BackboneRef} names, frozen, for inference. */
public final class FrozenBackbones {
  private FrozenBackbones() {}

  /** A loaded frozen backbone: embeddings of image batches. */
  public interface Encoder extends AutoCloseable {
    /**
     * @param images {@code [B, C, H, W]} of the backbone's input shape, normalised
     * @return {@code [B, D]} embeddings
     */
    NDArray embed(NDArray images);

    @Override
    void close();
  }

  /**
   * Loads {@code ref} into {@code manager}: a trained checkpoint's backbone (penultimate features),
   * or TorchScript parts (front, layer, tail).
   *
   * @throws IllegalArgumentException when the checkpoint or the parts cannot be loaded or changed
   */
  public static Encoder open(ArtifactStore store, BackboneRef ref, NDManager manager) {
    if (ref instanceof BackboneRef.TorchScript ts) {
      TorchScriptParts parts = TorchScriptParts.load(ts);
      ParameterStore parameters = new ParameterStore(manager, false);
      return new Encoder() {
        @Override
        public NDArray embed(NDArray images) {
          return parts.embed(parameters, images);
        }

        @Override
        public void close() {
          parts.close();
        }
      };
    }
    return encoder(loadClassifier(store, (BackboneRef.Trained) ref, manager), manager);
  }

  /** A loaded classifier's backbone (penultimate features) as an encoder. */
  public static Encoder encoder(Classifier model, NDManager manager) {
    ParameterStore parameters = new ParameterStore(manager, false);
    return new Encoder() {
      @Override
      public NDArray embed(NDArray images) {
        return model.embed(parameters, images);
      }

      @Override
      public void close() {}
    };
  }

  /** Downloads and loads a trained checkpoint into {@code manager}. */
  public static Classifier loadClassifier(
      ArtifactStore store, BackboneRef.Trained ref, NDManager manager) {
    Path file = store.download(ref.checkpoint());
    try {
      return Checkpoints.load(file, ref.model(), ref.numClasses(), ref.input(), manager);
    } catch (IllegalArgumentException e) {
      // The downloaded file is a temp file: name the artifact the user can find.
      throw new IllegalArgumentException(ref.checkpoint().uri() + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
