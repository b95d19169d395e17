package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.repflow.models.Backbones;
import dev.repflow.models.Classifier;
import dev.repflow.models.ModelSpec;
import org.junit.jupiter.api.Test;

class LayerCutTest {
  @Test
  void defaultCnnLayerIsFcFedByFlatten() {
    try (NDManager m = NDManager.newBaseManager()) {
      Classifier net = Backbones.build(new ModelSpec("cnn", 4, 16), 3, Backbones.FASHION_MNIST);
      net.initializeForShapes(m);
      LayerCut cut = LayerCut.of(net, null);
      assertEquals("fc", cut.layer());
      assertEquals("flatten", cut.before());
      assertEquals(new Shape(16, 49 * 8), cut.weightShape());
    }
  }

  @Test
  void defaultVitLayerIsTheLastAttentionOutputProjection() {
    try (NDManager m = NDManager.newBaseManager()) {
      Classifier net = Backbones.build(new ModelSpec("vit", 16, 8), 3, Backbones.FASHION_MNIST);
      net.initializeForShapes(m);
      LayerCut cut = LayerCut.of(net, null);
      assertEquals("block2.attn.proj", cut.layer());
      assertEquals("block2.attn", cut.before());
      assertEquals(new Shape(8, 8), cut.weightShape());
      var e = assertThrows(IllegalArgumentException.class, () -> LayerCut.of(net, "fc"));
      assertTrue(
          e.getMessage().contains("[patch_embed, block1.attn.proj, block2.attn.proj]"),
          e.getMessage());
    }
  }

  @Test
  void unknownOrNonLinearLayerListsTheLinearLayers() {
    Classifier net = Backbones.build(new ModelSpec("cnn", 4, 16), 3, Backbones.FASHION_MNIST);
    for (String name : new String[] {"attn", "conv1"}) {
      var e = assertThrows(IllegalArgumentException.class, () -> LayerCut.of(net, name));
      assertTrue(e.getMessage().contains("no linear layer '" + name + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("linear layers: [fc]"), e.getMessage());
    }
  }
}
