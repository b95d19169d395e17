package dev.repflow.models;

import ai.djl.ndarray.NDManager;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageSource;
import dev.repflow.data.Split;
import java.nio.file.Path;
import java.util.List;

/** Small real-data setups shared by the model tests. */
final class Fixtures {
  static final List<Integer> SEEN = List.of(0, 1, 2, 3, 4);
  static final List<Integer> UNSEEN = List.of(5, 6, 7, 8, 9);

  /** Small enough to train in about a second on two CPU threads. */
  static final ModelSpec SMALL = new ModelSpec("cnn", 8, 32);

  private Fixtures() {}

  static final DatasetSpec TRAIN = DatasetSpec.fashionMnist(null, 100, null);
  static final DatasetSpec TEST = DatasetSpec.fashionMnist(null, null, 20);

  /** 100 training images per class of {@code classes}: 500 for five classes. */
  static ImageSet train(List<Integer> classes) {
    return Datasets.load(TRAIN, Split.TRAIN, classes);
  }

  /** 20 test images per class of {@code classes}. */
  static ImageSet test(List<Integer> classes) {
    return Datasets.load(TEST, Split.TEST, classes);
  }

  /**
   * Embeddings {@code [N, E]} of {@code images} with the backbone of a checkpoint file.
   *
   * @throws IllegalArgumentException when the file is no checkpoint of {@code spec}
   */
  static float[][] embed(
      ImageSource images,
      Path checkpoint,
      ModelSpec spec,
      int numClasses,
      int batchSize,
      Embedder.RateListener listener) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Classifier model =
          Checkpoints.load(checkpoint, spec, numClasses, Backbones.FASHION_MNIST, manager);
      try (FrozenBackbones.Encoder encoder = FrozenBackbones.encoder(model, manager)) {
        return Embedder.embed(encoder, images, batchSize, manager, listener).rows();
      }
    }
  }

  static TrainSpec trainSpec(int epochs) {
    return new TrainSpec(epochs, 64, 3e-3, 7);
  }

  static double maxAbsDiff(float[][] a, float[][] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
      }
    }
    return max;
  }
}
