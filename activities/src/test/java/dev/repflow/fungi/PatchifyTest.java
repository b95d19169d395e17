package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SimCLR's patch layout (fungivision's Patchify) and the errors for settings that do not fit. */
class PatchifyTest {

  @Test
  void defaultsGiveFortyNinePatchesAt224AndSixtyFourAt28() {
    Patchify imagenet = Patchify.of(SimClrObjectiveSpec.defaults(), 224, 224);
    assertEquals(49, imagenet.count());
    assertEquals(new CropBox(0, 18, 112, 112), imagenet.boxes().get(1));
    assertEquals(new CropBox(108, 108, 112, 112), imagenet.boxes().get(48));

    Patchify small = Patchify.of(SimClrObjectiveSpec.defaults(), 28, 28);
    assertEquals(64, small.count());
    assertEquals(
        List.of(new CropBox(0, 0, 14, 14), new CropBox(0, 2, 14, 14)), small.boxes().subList(0, 2));
    assertEquals(new CropBox(2, 0, 14, 14), small.boxes().get(8));
    assertEquals(new CropBox(14, 14, 14, 14), small.boxes().get(63));
  }

  @Test
  void settingsThatDoNotFitTheImageNameTheKey() {
    var root =
        assertThrows(
            IllegalArgumentException.class,
            () -> Patchify.of(new SimClrObjectiveSpec(0, 0, 9, 0, 0, null), 28, 28));
    assertEquals(
        "objectives.simclr.numPatches 9: its square root 3 must divide the image side 28",
        root.getMessage());
    var stride =
        assertThrows(
            IllegalArgumentException.class,
            () -> Patchify.of(new SimClrObjectiveSpec(0, 0, 4, 15, 0, null), 28, 28));
    assertEquals(
        "objectives.simclr.strideScale 15 leaves a stride of 0 for 14-pixel patches of 28x28"
            + " images; use at most 14",
        stride.getMessage());
    var square =
        assertThrows(
            IllegalArgumentException.class,
            () -> Patchify.of(SimClrObjectiveSpec.defaults(), 28, 32));
    assertEquals("objectives.simclr: patches need square images, got 28x32", square.getMessage());
    var spec =
        assertThrows(
            IllegalArgumentException.class, () -> new SimClrObjectiveSpec(0, 0, 5, 0, 0, null));
    assertEquals(
        "objectives.simclr.numPatches must be a perfect square >= 4 (4, 9, 16, ...), got 5",
        spec.getMessage());
  }
}
