package dev.repflow.models;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.StepOutcome;
import dev.repflow.data.ImageShape;
import dev.repflow.data.LocalPaths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The frozen backbone a step embeds with or takes gradients through: one input for the projection,
 * embedding and gradient steps of every pipeline, whichever kind of network it is.
 *
 * <p>{@link Trained}: a built-in architecture's checkpoint from a pretraining step. {@link
 * TorchScript}: a user's network exported by {@code tools/fungi_export.py} as TorchScript parts,
 * identified by the checksums taken when the run inspected it (a step refuses parts that changed
 * since).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = BackboneRef.Trained.class, name = "trained"),
  @JsonSubTypes.Type(value = BackboneRef.TorchScript.class, name = "torchscript")
})
public sealed interface BackboneRef permits BackboneRef.Trained, BackboneRef.TorchScript {

  /** Shape {@code [C, H, W]} of the images it takes. */
  ImageShape input();

  /** Short label for tables and artifact attributes ({@code model}). */
  String label();

  /** What identifies its weights in cache keys, besides {@link #artifacts()}. */
  Map<String, Object> cacheParams();

  /** Stored artifacts its weights come from, inputs of cache keys. */
  List<ArtifactRef> artifacts();

  /**
   * A built-in architecture's pretrained checkpoint.
   *
   * @param checkpoint the weights; null only where the architecture alone matters (planning a
   *     projection for runs started before backbone references, which planned before training)
   * @param numClasses classes of the checkpoint's head
   */
  record Trained(ArtifactRef checkpoint, ModelSpec model, int numClasses, ImageShape input)
      implements BackboneRef {

    @Override
    public String label() {
      return model.label();
    }

    @Override
    public Map<String, Object> cacheParams() {
      // The same keys embedding steps used before backbone references existed.
      return Map.of("model", model, "headClasses", numClasses);
    }

    @Override
    public List<ArtifactRef> artifacts() {
      return checkpoint == null ? List.of() : List.of(checkpoint);
    }
  }

  /**
   * TorchScript parts in a folder on the worker's disk.
   *
   * @param dir the folder ({@code front.pt}, {@code layer.pt}, {@code tail.pt}, {@code parts.json})
   * @param checksums file name to sha256, taken when the run inspected the folder
   * @param layer name of the gradient layer in the original network
   * @param layerShape {@code [out, in]} of its weight
   * @param embeddingDim size of the embedding the tail outputs
   */
  record TorchScript(
      String dir,
      Map<String, String> checksums,
      ImageShape input,
      String layer,
      List<Integer> layerShape,
      int embeddingDim)
      implements BackboneRef, LocalPaths, StepOutcome {

    public TorchScript {
      checksums = new TreeMap<>(checksums);
      layerShape = List.copyOf(layerShape);
    }

    /** Inspection is never cached: the files are read again on every run. */
    @Override
    public boolean cached() {
      return false;
    }

    @Override
    public String summary() {
      return dir + ": " + input.label() + " -> " + embeddingDim + " dims, layer " + layer;
    }

    @Override
    public String label() {
      return "torchscript";
    }

    @Override
    public Map<String, Object> cacheParams() {
      return Map.of("torchscript", checksums);
    }

    @Override
    public List<ArtifactRef> artifacts() {
      return List.of();
    }

    @Override
    public Map<String, String> localPaths() {
      return Map.of("torchscript", dir);
    }
  }
}
