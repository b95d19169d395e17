package dev.repflow.worker.config;

import dev.repflow.common.PipelineSpec;
import dev.repflow.data.DataRoots;
import dev.repflow.data.FashionMnist;
import dev.repflow.data.Split;
import dev.repflow.stitching.StitchingPreflight;
import dev.repflow.stitching.StitchingSpec;
import java.nio.file.Path;
import java.util.List;

/** Checks that need more than the spec's own validation, run before a local run starts. */
public final class Preflight {
  private Preflight() {}

  /**
   * Fails with one line naming the config when a path the spec names lies outside the worker's data
   * roots, the images cannot be read (missing package or dir) or a named layer does not exist.
   */
  public static void check(Path config, PipelineSpec spec, DataRoots roots) {
    try {
      roots.checkAll(spec.localPaths());
      FashionMnist.load(spec.dataset(), Split.TEST, List.of(0));
      if (spec instanceof StitchingSpec stitching) {
        StitchingPreflight.checkLayers(stitching);
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(config + ": " + e.getMessage(), e);
    }
  }
}
