package dev.repflow.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.repflow.data.ImageShape;
import org.junit.jupiter.api.Test;

/** The CIFAR ResNet-18 on RGB and on anchored RGB (6-channel) input. */
class ResNet18Test {
  private static final ModelSpec RESNET = new ModelSpec("resnet18", 4, 0);

  @Test
  void embedsRgbAndAnchoredRgbInto8xWidthValues() {
    for (int channels : new int[] {3, 6}) {
      try (NDManager manager = NDManager.newBaseManager()) {
        Classifier model = Backbones.build(RESNET, 10, new ImageShape(channels, 32, 32));
        model.initialize(manager, 1);
        var images = manager.randomUniform(0, 1, new Shape(2, channels, 32, 32));
        var embedding = model.embed(new ParameterStore(manager, false), images);
        assertEquals(new Shape(2, 32), embedding.getShape(), channels + " channels");
      }
    }
  }

  @Test
  void tooSmallImagesFailNamingThePreprocessing() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Backbones.build(RESNET, 10, new ImageShape(3, 4, 4)));
    assertEquals(true, e.getMessage().contains("dataset.preprocess.resize"), e.getMessage());
  }
}
