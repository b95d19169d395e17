package dev.repflow.fungi;

import ai.djl.ndarray.NDManager;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.models.BackboneRef;
import dev.repflow.models.FrozenBackbones;
import dev.repflow.models.TorchScriptParts;

/** Loads the backbone a {@link BackboneRef} names, cut at FUNGI's gradient layer. */
final class BackboneCuts {
  private BackboneCuts() {}

  /**
   * @param layer the layer name, or null for the backbone's default (the exported layer of
   *     TorchScript parts)
   * @param manager owns a built-in backbone's parameters
   * @throws IllegalArgumentException when the layer is not a linear layer of the backbone
   */
  static BackboneCut open(ArtifactStore store, BackboneRef ref, String layer, NDManager manager) {
    if (ref instanceof BackboneRef.TorchScript ts) {
      requireExportedLayer(ts.dir(), ts.layer(), layer);
      return new TorchScriptCut(TorchScriptParts.load(ts));
    }
    return LayerCut.of(
        FrozenBackbones.loadClassifier(store, (BackboneRef.Trained) ref, manager), layer);
  }

  /**
   * TorchScript parts hold one layer: the one they were exported for.
   *
   * @param layer the configured layer, or null for the exported one
   */
  static void requireExportedLayer(String dir, String exported, String layer) {
    if (layer != null && !layer.equals(exported)) {
      throw new IllegalArgumentException(
          "gradients.layer: the TorchScript parts in "
              + dir
              + " were exported for layer '"
              + exported
              + "', not '"
              + layer
              + "' (leave gradients.layer out, or export again for that layer)");
    }
  }
}
