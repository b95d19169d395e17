package dev.repflow.fungi;

import dev.repflow.data.ImageShape;
import dev.repflow.models.Backbones;
import dev.repflow.models.TorchScriptParts;
import java.nio.file.Path;

/** FUNGI checks that need the images' shape or the backbone's layers, run before a run starts. */
public final class FungiPreflight {
  private FungiPreflight() {}

  /**
   * @throws IllegalArgumentException naming the config key when the gradient layer is not a linear
   *     layer of the backbone (or not the one TorchScript parts were exported for), or an
   *     objective's views do not fit the images (SimCLR's patches)
   */
  public static void check(FungiSpec spec, ImageShape images) {
    String layer = spec.gradients().layer();
    if (spec.torchscript() == null) {
      // Layer names and kinds depend on the architecture alone: no weights, no training.
      LayerCut.of(Backbones.build(spec.model(), 2, images), layer);
    } else {
      String exported = TorchScriptParts.declaredLayer(Path.of(spec.torchscript()));
      BackboneCuts.requireExportedLayer(spec.torchscript(), exported, layer);
    }
    for (ObjectiveSpec objective : spec.gradients().objectives()) {
      if (objective instanceof SimClrObjectiveSpec simclr) {
        Patchify.of(simclr, images.height(), images.width());
      }
    }
  }
}
