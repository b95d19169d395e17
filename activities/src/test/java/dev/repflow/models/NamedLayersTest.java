package dev.repflow.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamedLayersTest {

  @Test
  void runningTheLayersPiecewiseEqualsTheWholeBackbone() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Classifier model = Backbones.build(Fixtures.SMALL, 5, Backbones.FASHION_MNIST);
      model.initialize(manager, 3);
      ParameterStore store = new ParameterStore(manager, false);
      NDArray images = manager.randomUniform(0, 1, new Shape(4, 1, 28, 28));
      NamedLayers layers = model.layers();

      NDArray flat = layers.run(store, images, null, "flatten", false);
      NDArray fc = layers.run(store, flat, "flatten", "fc", false);
      NDArray embedding = layers.run(store, fc, "fc", "embedding", false);

      assertEquals(
          List.of("conv1", "pool1", "conv2", "pool2", "flatten", "fc", "embedding"),
          layers.names());
      assertEquals(new Shape(4, 49 * 2 * Fixtures.SMALL.width()), flat.getShape());
      assertTrue(embedding.allClose(model.embed(store, images)));
    }
  }

  @Test
  void unknownLayersAreNamedWithTheValidOnes() {
    Classifier model = Backbones.build(Fixtures.SMALL, 5, Backbones.FASHION_MNIST);
    var e = assertThrows(IllegalArgumentException.class, () -> model.layers().layer("fc2"));
    assertTrue(
        e.getMessage().contains("unknown layer 'fc2' (layers: [conv1, pool1"), e.getMessage());
  }
}
