package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.repflow.models.Backbones;
import dev.repflow.models.Classifier;
import dev.repflow.models.ModelSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradientExtractorTest {
  /**
   * 600 views run through the front in passes of 256, 256 and 88 give what one pass gives, for
   * every output (the ViT's front also returns its residual stream).
   */
  @ParameterizedTest
  @ValueSource(strings = {"cnn", "vit"})
  void frontInPassesGivesWhatOnePassGives(String arch) {
    try (NDManager m = NDManager.newBaseManager()) {
      Classifier net = Backbones.build(new ModelSpec(arch, 8, 16), 3, Backbones.FASHION_MNIST);
      net.initializeForShapes(m);
      LayerCut cut = LayerCut.of(net, null);
      m.getEngine().setRandomSeed(5);
      ParameterStore store = new ParameterStore(m, false);
      var images = m.randomNormal(new Shape(600, 1, 28, 28));
      NDList whole = cut.front(store, images);
      NDList passes = GradientExtractor.front(cut, store, images);
      assertEquals(arch.equals("vit") ? 2 : 1, whole.size());
      assertEquals(whole.size(), passes.size());
      for (int k = 0; k < whole.size(); k++) {
        assertEquals(whole.get(k).getShape(), passes.get(k).getShape());
        assertArrayEquals(whole.get(k).toFloatArray(), passes.get(k).toFloatArray(), 1e-5f);
      }
    }
  }
}
