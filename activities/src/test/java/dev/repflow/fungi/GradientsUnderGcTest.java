package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.models.Backbones;
import dev.repflow.models.Classifier;
import dev.repflow.models.GradMode;
import dev.repflow.models.ModelSpec;
import dev.repflow.testing.GcPressure;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-sample gradients do not depend on when the garbage collector runs: every constant the
 * backward pass reads (temperatures, the attention scale) must outlive it (see {@code Scalars}).
 */
class GradientsUnderGcTest {
  private static final ModelSpec VIT = new ModelSpec("vit", 16, 16);
  private static final ImageSet IMAGES =
      Datasets.load(DatasetSpec.fashionMnist(null, 2, null), Split.TRAIN, List.of(0, 1, 2, 3));

  static Stream<ObjectiveSpec> objectives() {
    return Stream.of(
        new KlObjectiveSpec(32, 1, 42L),
        new DinoObjectiveSpec(64, 0.07, 0.1, 3, 42L),
        new SimClrObjectiveSpec(16, 0.07, 4, 3, 3, 42L));
  }

  @ParameterizedTest
  @MethodSource("objectives")
  void gradientsAreTheSameWhileTheCollectorRuns(ObjectiveSpec spec) {
    float[] quiet = gradients(spec);
    for (int round = 0; round < 3; round++) {
      assertArrayEquals(
          quiet, GcPressure.during(() -> gradients(spec)), spec.name() + ", round " + round);
    }
  }

  /** Flattened {@code [N, out, in + 1]} per-sample gradients of the ViT's default layer. */
  private static float[] gradients(ObjectiveSpec spec) {
    try (NDManager manager = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      Classifier model = Backbones.build(VIT, 4, Backbones.FASHION_MNIST);
      model.initialize(manager, 3);
      LayerCut cut = LayerCut.of(model, null);
      Objective objective = Objectives.create(manager, spec, VIT.embeddingDim(), cut, IMAGES);
      NDList parts =
          new GradientExtractor(manager, cut, objective)
              .upstream(manager, IMAGES, 0, IMAGES.size());
      NDArray h = parts.get(1);
      NDArray withBias = h.concat(manager.ones(h.getShape().slice(0, 2).add(1)), 2);
      return GradientProjector.fullGradients(parts.get(0), withBias).toFloatArray();
    }
  }
}
