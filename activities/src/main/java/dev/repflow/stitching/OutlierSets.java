package dev.repflow.stitching;

import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.data.corruptions.Corruptions;

/**
 * The detector's out-of-distribution images: the outlier exposure it is fine-tuned against comes
 * from the train split, the OOD test data it is evaluated on from the test split, each from its own
 * {@link OutlierSource} (the spec keeps their classes, or corruptions, apart).
 */
final class OutlierSets {
  private OutlierSets() {}

  /** {@code ood.exposure}: held-out classes' training images, or corrupted ID training images. */
  static ImageSet exposure(DatasetSpec dataset, ImageSet idTrain, OodSettings settings) {
    OutlierSource source = settings.exposure();
    if (!source.classes().isEmpty()) {
      return Samples.perClass(dataset, Split.TRAIN, source.classes(), settings.trainPerClass());
    }
    return corrupted(idTrain, source.corruption(), settings.seed());
  }

  /** {@code ood.test}: held-out classes' test images, or corrupted ID test images. */
  static ImageSet test(DatasetSpec dataset, ImageSet idTest, OodSettings settings) {
    OutlierSource source = settings.test();
    if (!source.classes().isEmpty()) {
      return Datasets.load(dataset, Split.TEST, source.classes());
    }
    return corrupted(idTest, source.corruption(), settings.seed());
  }

  /** {@code images} under {@code corruption} at severity {@value OodSettings#OUTLIER_SEVERITY}. */
  private static ImageSet corrupted(ImageSet images, String corruption, long seed) {
    float[][] rows = Corruptions.apply(images, corruption, OodSettings.OUTLIER_SEVERITY, seed);
    float[] pixels = new float[images.pixels().length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, pixels, i * rows[i].length, rows[i].length);
    }
    return images.withPixels(pixels);
  }
}
