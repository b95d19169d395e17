package dev.repflow.stitching;

import dev.repflow.data.ImageShape;
import dev.repflow.models.Backbones;
import dev.repflow.models.Classifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a stitching spec's layer names against the architectures before anything trains: layer
 * names depend only on the architecture, so a typo need not wait for pretraining to surface.
 */
public final class StitchingPreflight {
  private StitchingPreflight() {}

  /**
   * @param input the shape of the dataset's images
   * @throws IllegalArgumentException naming the config key, the layer and the valid layers, or when
   *     an architecture cannot take the images
   */
  public static void checkLayers(StitchingSpec spec, ImageShape input) {
    Map<String, Classifier> models = new HashMap<>();
    for (StitchingSpec.NamedModel m : spec.models()) {
      models.put(m.name(), Backbones.build(m.model(), spec.classes().size(), input));
    }
    List<StitchPair> pairs = spec.pairs();
    for (int i = 0; i < pairs.size(); i++) {
      StitchPair p = pairs.get(i);
      StitchingActivitiesImpl.requireLayer(
          models.get(p.front()),
          new LayerRef(p.front(), p.frontLayer()),
          "pairs[" + i + "].frontLayer");
      StitchingActivitiesImpl.requireLayer(
          models.get(p.end()), new LayerRef(p.end(), p.endLayer()), "pairs[" + i + "].endLayer");
    }
    for (LayerRef probe : spec.analysis().probes()) {
      StitchingActivitiesImpl.requireLayer(models.get(probe.model()), probe, "analysis.probes");
    }
  }
}
