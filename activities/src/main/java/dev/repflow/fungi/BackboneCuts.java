package dev.repflow.fungi;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.repflow.artifacts.ArtifactStore;
import dev.repflow.models.BackboneRef;
import dev.repflow.models.Backbones;
import dev.repflow.models.Classifier;
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
   * The projection of the gradient of {@code ref}'s layer, from shapes alone: TorchScript parts'
   * inspection recorded the layer's {@code [out, in]}; a built-in architecture is built untrained
   * (the same layers as its checkpoint) without loading weights.
   *
   * @param layer null for the default layer
   * @param spec a zero {@code dim} means the backbone's embedding size
   * @throws IllegalArgumentException when the layer is not a linear layer of the backbone, or the
   *     projection is larger than the gradient
   */
  static ProjectionPlan plan(BackboneRef ref, String layer, ProjectionSpec spec) {
    if (ref instanceof BackboneRef.TorchScript ts) {
      requireExportedLayer(ts.dir(), ts.layer(), layer);
      ProjectionSpec sized = spec.dim() == 0 ? spec.withDim(ts.embeddingDim()) : spec;
      return ProjectionPlan.of(
          sized, ts.layer(), ts.layerShape().get(0), ts.layerShape().get(1) + 1);
    }
    BackboneRef.Trained trained = (BackboneRef.Trained) ref;
    try (NDManager manager = NDManager.newBaseManager()) {
      Classifier net = Backbones.build(trained.model(), 2, trained.input());
      net.initializeForShapes(manager);
      LayerCut cut = LayerCut.of(net, layer);
      Shape w = cut.weightShape();
      int dim = trained.model().embeddingDim();
      ProjectionSpec sized = spec.dim() == 0 ? spec.withDim(dim) : spec;
      return ProjectionPlan.of(sized, cut.layer(), (int) w.get(0), (int) w.get(1) + 1);
    }
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
