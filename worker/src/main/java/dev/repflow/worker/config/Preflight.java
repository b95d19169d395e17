package dev.repflow.worker.config;

import dev.repflow.common.PipelineSpec;
import dev.repflow.data.DataRoots;
import dev.repflow.data.FashionMnist;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.fungi.FungiPreflight;
import dev.repflow.fungi.FungiSpec;
import dev.repflow.stitching.StitchingPreflight;
import dev.repflow.stitching.StitchingSpec;
import java.nio.file.Path;
import java.util.List;

/** Checks that need more than the spec's own validation, run before a local run starts. */
public final class Preflight {
  private Preflight() {}

  /**
   * Fails with one line naming the config when a path the spec names lies outside the worker's data
   * roots, the images cannot be read (missing package or dir), a named layer does not exist, or
   * FUNGI's SimCLR patches do not fit the images.
   */
  public static void check(Path config, PipelineSpec spec, DataRoots roots) {
    try {
      roots.checkAll(spec.localPaths());
      ImageSet sample = FashionMnist.load(spec.dataset(), Split.TEST, List.of(0));
      if (spec instanceof FungiSpec fungi) {
        FungiPreflight.checkViews(fungi, sample.height(), sample.width());
      }
      if (spec instanceof StitchingSpec stitching) {
        StitchingPreflight.checkLayers(stitching);
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(config + ": " + e.getMessage(), e);
    }
  }
}
