package dev.repflow.worker.config;

import dev.repflow.anchoring.AnchoringSpec;
import dev.repflow.collapse.CollapseSpec;
import dev.repflow.common.PipelineSpec;
import dev.repflow.data.DataRoots;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageShape;
import dev.repflow.data.Split;
import dev.repflow.fungi.FungiPreflight;
import dev.repflow.fungi.FungiSpec;
import dev.repflow.imprinting.ImprintingSpec;
import dev.repflow.models.Backbones;
import dev.repflow.models.ImageTensors;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.TorchScriptParts;
import dev.repflow.stitching.StitchingPreflight;
import dev.repflow.stitching.StitchingSpec;
import dev.repflow.transfer.TransferEvalSpec;
import java.nio.file.Path;
import java.util.List;

/** Checks that need more than the spec's own validation, run before a local run starts. */
public final class Preflight {
  private Preflight() {}

  /**
   * Fails with one line naming the config when a path the spec names lies outside the worker's data
   * roots, the images cannot be read (missing package, dir, files), the backbone cannot take the
   * images (their size after preprocessing, a TorchScript backbone's declared input), a named layer
   * does not exist, or FUNGI's SimCLR patches do not fit the images.
   */
  public static void check(Path config, PipelineSpec spec, DataRoots roots) {
    try {
      roots.checkAll(spec.localPaths());
      ImageShape images = Datasets.open(spec.dataset(), Split.TEST, List.of(0)).shape();
      if (spec instanceof FungiSpec fungi) {
        checkBackbone(fungi.model(), fungi.torchscript(), images);
        FungiPreflight.check(fungi, images);
      } else if (spec instanceof ImprintingSpec imprinting) {
        checkBackbone(imprinting.model(), imprinting.torchscript(), images);
      } else if (spec instanceof CollapseSpec collapse) {
        checkBackbone(collapse.model(), collapse.torchscript(), images);
      } else if (spec instanceof TransferEvalSpec transfer) {
        checkBackbone(transfer.model(), null, images);
      } else if (spec instanceof AnchoringSpec anchoring) {
        checkBackbone(anchoring.model(), null, images);
      } else if (spec instanceof StitchingSpec stitching) {
        StitchingPreflight.checkLayers(stitching, images);
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(config + ": " + e.getMessage(), e);
    }
  }

  /** The built-in architecture fits the images, or the TorchScript parts declare their shape. */
  private static void checkBackbone(ModelSpec model, String torchscript, ImageShape images) {
    if (torchscript == null) {
      Backbones.build(model, 2, images);
    } else {
      ImageTensors.requireShape(images, TorchScriptParts.declaredInput(Path.of(torchscript)));
    }
  }
}
