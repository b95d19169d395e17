package dev.repflow.fungi;

/** FUNGI checks that need the images' size, run before a local run starts. */
public final class FungiPreflight {
  private FungiPreflight() {}

  /**
   * @throws IllegalArgumentException naming the config key when an objective's views do not fit
   *     {@code height x width} images (SimCLR's patches)
   */
  public static void checkViews(FungiSpec spec, int height, int width) {
    for (ObjectiveSpec objective : spec.gradients().objectives()) {
      if (objective instanceof SimClrObjectiveSpec simclr) {
        Patchify.of(simclr, height, width);
      }
    }
  }
}
