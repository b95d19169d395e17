package dev.repflow.stitching;

import static dev.repflow.steps.ActivityHarness.SMALL_DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The detector is never evaluated on images (or classes) it was fine-tuned against. */
class OutlierSetsTest {
  private static final List<Integer> ID = List.of(0, 1, 2);

  private static OodSettings settings(OutlierSource exposure, OutlierSource test) {
    return new OodSettings(exposure, test, null, 0, 0, 0, null, null, null, 20, 3);
  }

  private static Set<Integer> labels(ImageSet set) {
    return Arrays.stream(set.labels()).boxed().collect(Collectors.toSet());
  }

  /** Every image's pixels, as list keys: equal pixels mean the same image. */
  private static Set<List<Float>> pixels(ImageSet set) {
    return IntStream.range(0, set.size())
        .mapToObj(
            i -> {
              float[] p = set.image(i);
              return IntStream.range(0, p.length).mapToObj(k -> p[k]).toList();
            })
        .collect(Collectors.toSet());
  }

  @Test
  void heldOutClassesSplitIntoDisjointExposureAndTestClasses() {
    var settings =
        settings(new OutlierSource(List.of(5, 6), null), new OutlierSource(List.of(7, 8), null));
    ImageSet idTrain = Samples.perClass(SMALL_DATA, Split.TRAIN, ID, 20);
    ImageSet idTest = Datasets.load(SMALL_DATA, Split.TEST, ID);

    ImageSet exposure = OutlierSets.exposure(SMALL_DATA, idTrain, settings);
    ImageSet test = OutlierSets.test(SMALL_DATA, idTest, settings);

    assertEquals(Set.of(5, 6), labels(exposure));
    assertEquals(Set.of(7, 8), labels(test));
    assertEquals(40, exposure.size()); // trainPerClass 20
    assertEquals(20, test.size()); // the test split's 10 per class
    assertTrue(Collections.disjoint(pixels(exposure), pixels(test)));
    assertTrue(Collections.disjoint(pixels(exposure), pixels(idTest)));
  }

  @Test
  void corruptionsFineTuneOnTrainImagesAndEvaluateOnOtherImagesUnderAnotherCorruption() {
    var settings =
        settings(
            new OutlierSource(null, "gaussian_noise"), new OutlierSource(null, "impulse_noise"));
    ImageSet idTrain = Samples.perClass(SMALL_DATA, Split.TRAIN, ID, 20);
    ImageSet idTest = Datasets.load(SMALL_DATA, Split.TEST, ID);

    ImageSet exposure = OutlierSets.exposure(SMALL_DATA, idTrain, settings);
    ImageSet test = OutlierSets.test(SMALL_DATA, idTest, settings);

    // Corrupted copies of the ID training images and of the ID test images respectively.
    assertEquals(idTrain.size(), exposure.size());
    assertEquals(Arrays.toString(idTrain.indices()), Arrays.toString(exposure.indices()));
    assertEquals(Arrays.toString(idTest.indices()), Arrays.toString(test.indices()));
    assertTrue(Collections.disjoint(pixels(exposure), pixels(test)));
    assertTrue(Collections.disjoint(pixels(exposure), pixels(idTrain)));
    assertTrue(Collections.disjoint(pixels(test), pixels(idTest)));
  }
}
