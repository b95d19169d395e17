package dev.repflow.data.corruptions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.anchoring.CorruptionSpec;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CorruptionsTest {
  private static ImageSet images;

  @BeforeAll
  static void load() {
    images =
        Datasets.load(
            DatasetSpec.fashionMnist(null, null, 3),
            Split.TEST,
            IntStream.range(0, 10).boxed().toList());
  }

  @Test
  void coversTheSpecsNamesAndAtLeastFifteenFamilies() {
    assertEquals(CorruptionSpec.KNOWN, Corruptions.names());
    assertTrue(Corruptions.names().size() >= 15);
  }

  @Test
  void everySeverityStepDistortsMoreAndStaysInRange() {
    for (String name : Corruptions.names()) {
      double previous = 0;
      for (int s = 1; s <= 5; s++) {
        float[][] out = Corruptions.apply(images, name, s, 99);
        double distortion = meanAbsDifference(out);
        for (float[] row : out) {
          for (float v : row) {
            assertTrue(v >= 0 && v <= 1, name + " severity " + s + " produced " + v);
          }
        }
        assertTrue(distortion > 0.002, name + " severity " + s + " barely changes images");
        // Random draws differ between severities only in scale, so the order is strict up to
        // rounding for the noise families and rarely ties for the others.
        assertTrue(
            distortion >= previous * 0.98,
            name + ": severity " + s + " distorts " + distortion + " < " + previous);
        previous = distortion;
      }
      double mild = meanAbsDifference(Corruptions.apply(images, name, 1, 99));
      assertTrue(previous > mild * 1.2, name + ": severity 5 " + previous + " vs 1 " + mild);
    }
  }

  @Test
  void theSameSeedGivesTheSameImagesAndAnotherSeedOthers() {
    for (String name : Corruptions.names()) {
      float[][] a = Corruptions.apply(images, name, 3, 7);
      float[][] b = Corruptions.apply(images, name, 3, 7);
      for (int i = 0; i < a.length; i++) {
        assertArrayEquals(a[i], b[i], name);
      }
    }
    float[][] seven = Corruptions.apply(images, "gaussian_noise", 3, 7);
    float[][] eight = Corruptions.apply(images, "gaussian_noise", 3, 8);
    assertTrue(!java.util.Arrays.equals(seven[0], eight[0]));
  }

  @Test
  void reportsProgressEveryFiveHundredImagesWithoutChangingThem() {
    ImageSet many =
        Datasets.load(
            DatasetSpec.fashionMnist(null, null, 110),
            Split.TEST,
            IntStream.range(0, 10).boxed().toList());
    List<Integer> reported = new ArrayList<>();

    float[][] withProgress = Corruptions.apply(many, "gaussian_noise", 2, 5, reported::add);

    assertEquals(List.of(500, 1000), reported);
    float[][] without = Corruptions.apply(many, "gaussian_noise", 2, 5);
    for (int i = 0; i < without.length; i++) {
      assertArrayEquals(without[i], withProgress[i]);
    }
  }

  @Test
  void namesTheBadValue() {
    var unknown = assertThrows(IllegalArgumentException.class, () -> Corruptions.named("frost"));
    assertTrue(unknown.getMessage().contains("'frost'"), unknown.getMessage());
    var severity =
        assertThrows(IllegalArgumentException.class, () -> Corruptions.apply(images, "fog", 6, 1));
    assertTrue(severity.getMessage().contains("severity 6"), severity.getMessage());
  }

  private static double meanAbsDifference(float[][] corrupted) {
    double sum = 0;
    for (int i = 0; i < corrupted.length; i++) {
      float[] clean = images.image(i);
      for (int p = 0; p < clean.length; p++) {
        sum += Math.abs(corrupted[i][p] - clean[p]);
      }
    }
    return sum / ((double) corrupted.length * images.valuesPerImage());
  }
}
