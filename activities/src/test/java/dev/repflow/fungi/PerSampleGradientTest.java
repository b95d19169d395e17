package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.models.Backbones;
import dev.repflow.models.Classifier;
import dev.repflow.models.GradMode;
import dev.repflow.models.ModelSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batched outer-product gradients equal one ordinary backward pass per sample through a copy of
 * the layer's weight and bias (fungivision's check: a sample alone vs in a batch).
 */
class PerSampleGradientTest {
  private static final ModelSpec CNN = new ModelSpec("cnn", 4, 16);
  private static final ModelSpec VIT = new ModelSpec("vit", 16, 16);
  private static final ImageSet IMAGES =
      Datasets.load(DatasetSpec.fashionMnist(null, 2, null), Split.TRAIN, List.of(0, 1, 2, 3));

  static Stream<Arguments> cases() {
    return Stream.of(CNN, VIT)
        .flatMap(
            model ->
                Stream.of(
                        new KlObjectiveSpec(32, 1, 42L),
                        new DinoObjectiveSpec(64, 0.07, 0.1, 3, 42L),
                        new SimClrObjectiveSpec(16, 0.07, 4, 3, 3, 42L))
                    .map(objective -> Arguments.of(model, objective)));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void batchedGradientsMatchSingleSampleBackwardPasses(ModelSpec modelSpec, ObjectiveSpec spec) {
    try (NDManager manager = NDManager.newBaseManager()) {
      GradMode.offOnThisThread();
      Classifier model = Backbones.build(modelSpec, 4, Backbones.FASHION_MNIST);
      model.initialize(manager, 3);
      LayerCut cut = LayerCut.of(model, null);
      double worst = worstRelativeError(manager, cut, spec, 16, IMAGES);
      assertTrue(
          worst < 1e-4, modelSpec.arch() + " " + spec.name() + ": max relative error " + worst);
    }
  }

  /**
   * Largest relative difference (max abs difference / max abs value, per sample) between the
   * batched per-sample gradients and single-sample backward passes, over {@code images}.
   */
  static double worstRelativeError(
      NDManager manager, BackboneCut cut, ObjectiveSpec spec, int embeddingDim, ImageSet images) {
    Objective objective = Objectives.create(manager, spec, embeddingDim, cut, images);
    GradientExtractor extractor = new GradientExtractor(manager, cut, objective);
    int n = images.size();
    NDList parts = extractor.upstream(manager, images, 0, n);
    NDArray h = parts.get(1);
    NDArray withBias = h.concat(manager.ones(h.getShape().slice(0, 2).add(1)), 2);
    NDArray batched = GradientProjector.fullGradients(parts.get(0), withBias);

    ParameterStore store = new ParameterStore(manager, false);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      NDArray single = singleSample(manager, store, cut, objective, images, i);
      double scale = single.abs().max().getFloat();
      assertTrue(scale > 0, "gradient of sample " + i + " is all zeros");
      worst = Math.max(worst, single.sub(batched.get(i)).abs().max().getFloat() / scale);
    }
    return worst;
  }

  /** {@code [out, in + 1]}: autograd of sample {@code i}'s loss w.r.t. a copy of W and b. */
  private static NDArray singleSample(
      NDManager manager,
      ParameterStore store,
      BackboneCut cut,
      Objective objective,
      ImageSet images,
      int i) {
    var params = cut.parameters();
    NDArray x = GradientExtractor.viewImages(manager, objective, images, i, i + 1);
    NDList front = cut.front(store, x);
    NDArray h = front.get(0);
    NDArray w = params.get("weight").getArray().duplicate();
    NDArray b = params.get("bias").getArray().duplicate();
    w.setRequiresGradient(true);
    b.setRequiresGradient(true);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray z = h.matMul(w.transpose()).add(b);
      NDArray e = cut.tail(store, z, front).reshape(1, objective.count(), -1);
      collector.backward(objective.loss(e).sum());
    }
    NDArray gw = w.getGradient();
    NDArray gb = b.getGradient().reshape(-1, 1);
    assertEquals(gw.getShape().get(0), gb.getShape().get(0));
    return gw.concat(gb, 1).get(new NDIndex(":, :"));
  }
}
