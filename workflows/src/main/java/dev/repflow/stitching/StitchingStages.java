package dev.repflow.stitching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Stage names of a {@link StitchingWorkflow} run, in plan order. */
final class StitchingStages {
  static final String PLOT = "plot";

  private StitchingStages() {}

  static String pretrain(String model) {
    return "pretrain " + model;
  }

  static String detector(LayerRef layer) {
    return "ood " + layer.label();
  }

  static String stitch(int index, StitchPair pair) {
    return "stitch[" + index + "] " + pair.label();
  }

  static String similarity(int index, StitchPair pair) {
    return "similarity[" + index + "] " + pair.label();
  }

  static String probe(LayerRef layer) {
    return "probe " + layer.label();
  }

  /** End layers that get a detector (each once), in pair order; empty when OOD is off. */
  static List<LayerRef> detectorLayers(StitchingSpec spec) {
    Set<LayerRef> layers = new LinkedHashSet<>();
    if (spec.ood().enabled()) {
      spec.pairs().forEach(p -> layers.add(new LayerRef(p.end(), p.endLayer())));
    }
    return List.copyOf(layers);
  }

  static List<String> plan(StitchingSpec spec) {
    List<String> stages = new ArrayList<>();
    spec.models().forEach(m -> stages.add(pretrain(m.name())));
    detectorLayers(spec).forEach(l -> stages.add(detector(l)));
    for (int i = 0; i < spec.pairs().size(); i++) {
      stages.add(stitch(i, spec.pairs().get(i)));
      stages.add(similarity(i, spec.pairs().get(i)));
    }
    spec.analysis().probes().forEach(l -> stages.add(probe(l)));
    stages.add(PLOT);
    return stages;
  }
}
