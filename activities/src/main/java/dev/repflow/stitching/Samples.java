package dev.repflow.stitching;

import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Permutations;
import dev.repflow.data.Split;
import java.util.List;

/** The image sets the stitching steps read: balanced per-class subsets, fixed by the spec. */
final class Samples {
  private Samples() {}

  /**
   * The first {@code perClass} images of each class of a split (file order), within the spec's own
   * limit.
   */
  static ImageSet perClass(DatasetSpec dataset, Split split, List<Integer> classes, int perClass) {
    Integer limit = dataset.perClassLimit(split);
    int n = limit == null ? perClass : Math.min(limit, perClass);
    DatasetSpec subset =
        split == Split.TRAIN
            ? dataset.withPerClass(n, dataset.testPerClass())
            : dataset.withPerClass(dataset.trainPerClass(), n);
    return Datasets.load(subset, split, classes);
  }

  /** {@code count} images drawn without replacement by a seeded shuffle. */
  static ImageSet draw(ImageSet set, int count, long seed) {
    if (count > set.size()) {
      throw new IllegalArgumentException(
          "stitch.samples: " + count + " images requested, the split has " + set.size());
    }
    return set.subset(Permutations.sample(set.size(), count, seed));
  }
}
