package dev.repflow.anchoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.repflow.data.ImageSet;
import org.junit.jupiter.api.Test;

class AnchorInputsTest {
  // Two 1x2 images.
  private static final ImageSet IMAGES =
      ImageSet.gray(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 1, 2, new int[] {0, 1}, new int[] {0, 1});
  private static final ImageSet POOL =
      ImageSet.gray(new float[] {0.5f, 0.5f, 1f, 0f}, 1, 2, new int[] {0, 1}, new int[] {0, 1});

  @Test
  void stacksTheAnchorAndTheResidualOnChannels() {
    float[] x =
        AnchorInputs.anchoredPixels(IMAGES, new int[] {1, 0}, POOL, new int[] {0, 1}, false);

    // Image 1 with anchor 0, then image 0 with anchor 1: [anchor, x - anchor] each.
    assertArrayEquals(new float[] {0.5f, 0.5f, -0.2f, -0.1f, 1f, 0f, -0.9f, 0.2f}, x, 1e-6f);
  }

  @Test
  void referenceMaskingZeroesTheAnchorAndKeepsTheResidual() {
    float[] x = AnchorInputs.anchoredPixels(IMAGES, new int[] {1, 0}, POOL, new int[] {0, 1}, true);

    // [0, x - anchor], not [0, x]: only the reference channel is masked.
    assertArrayEquals(new float[] {0, 0, -0.2f, -0.1f, 0, 0, -0.9f, 0.2f}, x, 1e-6f);
  }

  @Test
  void rejectsAnchorsOfAnotherSize() {
    ImageSet big = ImageSet.gray(new float[4], 2, 2, new int[] {0}, new int[] {0});
    assertThrows(
        IllegalArgumentException.class,
        () -> AnchorInputs.anchoredPixels(IMAGES, new int[] {0}, big, new int[] {0}, false));
  }
}
