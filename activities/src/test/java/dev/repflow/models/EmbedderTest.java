package dev.repflow.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.ImageSource;
import dev.repflow.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embeds held-out classes 5-9 with checkpoints of the small CNN. */
class EmbedderTest {
  private static ImageSource unseen;
  @TempDir Path tmp;

  @BeforeAll
  static void openData() {
    unseen = Datasets.open(Fixtures.TEST, Split.TEST, Fixtures.UNSEEN);
  }

  @Test
  void embeddingsHaveShapeNByEmbeddingDim() {
    Path checkpoint = saveInitialized(Fixtures.SMALL, 5, tmp.resolve("init.params"));
    List<Integer> seen = new ArrayList<>();

    float[][] features =
        Fixtures.embed(
            unseen, checkpoint, Fixtures.SMALL, 5, 32, (b, n, r) -> seen.add(b * 10 + n));

    assertEquals(100, features.length);
    for (float[] row : features) {
      assertEquals(32, row.length);
      for (float v : row) {
        assertTrue(v >= 0, "the backbone ends in a ReLU");
      }
    }
    // 100 images at batch 32: batches 1..4 of 4.
    assertEquals(List.of(14, 24, 34, 44), seen);
  }

  @Test
  void checkpointRoundTripGivesTheSameEmbeddings() {
    DatasetSpec twoPerClass = DatasetSpec.fashionMnist(null, null, 2);
    ImageSet first10 = Datasets.load(twoPerClass, Split.TEST, Fixtures.UNSEEN);
    float[][] expected;
    Path file = tmp.resolve("model.params");
    try (NDManager manager = NDManager.newBaseManager()) {
      Classifier model = Backbones.build(Fixtures.SMALL, 5, Backbones.FASHION_MNIST);
      model.initialize(manager, 11);
      NDArray images = ImageTensors.images(manager, first10, identity(10), 0, 10);
      float[] flat = model.embed(new ParameterStore(manager, false), images).toFloatArray();
      expected = new float[10][32];
      for (int i = 0; i < 10; i++) {
        System.arraycopy(flat, i * 32, expected[i], 0, 32);
      }
      Checkpoints.save(file, model, null, null);
    }

    // One batch of 10 on both sides: kernels are chosen per batch shape, so a smaller batch may
    // round differently (bounded by batchSizeDoesNotChangeEmbeddings); this test is about the file.
    float[][] loaded =
        Fixtures.embed(
            Datasets.open(twoPerClass, Split.TEST, Fixtures.UNSEEN),
            file,
            Fixtures.SMALL,
            5,
            10,
            NONE);

    assertArrayEquals(expected, loaded);
  }

  @Test
  void batchSizeDoesNotChangeEmbeddings() {
    Path checkpoint = saveInitialized(Fixtures.SMALL, 5, tmp.resolve("init.params"));
    float[][] one = Fixtures.embed(unseen, checkpoint, Fixtures.SMALL, 5, 100, NONE);
    float[][] many = Fixtures.embed(unseen, checkpoint, Fixtures.SMALL, 5, 7, NONE);
    assertTrue(Fixtures.maxAbsDiff(one, many) < 1e-5);
  }

  @Test
  void checkpointOfAnotherSpecFailsNamingBothSpecs() {
    Path checkpoint = saveInitialized(Fixtures.SMALL, 5, tmp.resolve("small.params"));
    ModelSpec wider = new ModelSpec("cnn", 16, 32);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Fixtures.embed(unseen, checkpoint, wider, 5, 32, NONE));
    assertTrue(e.getMessage().contains(checkpoint.toString()), e.getMessage());
    assertTrue(
        e.getMessage().contains("cnn-w8-e32 with 1 input channels and 5 classes"), e.getMessage());
    assertTrue(
        e.getMessage().contains("cnn-w16-e32 with 1 input channels and 5 classes"), e.getMessage());

    IllegalArgumentException classes =
        assertThrows(
            IllegalArgumentException.class,
            () -> Fixtures.embed(unseen, checkpoint, Fixtures.SMALL, 10, 32, NONE));
    assertTrue(classes.getMessage().contains("and 10 classes was requested"), classes.getMessage());
  }

  @Test
  void fileThatIsNoCheckpointFails() throws IOException {
    Path bogus = Files.writeString(tmp.resolve("bogus.params"), "hello, not a checkpoint");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Fixtures.embed(unseen, bogus, Fixtures.SMALL, 5, 32, NONE));
    assertTrue(e.getMessage().contains(bogus.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("is not a repflow checkpoint"), e.getMessage());
  }

  private static final Embedder.RateListener NONE = (b, n, r) -> {};

  private static Path saveInitialized(ModelSpec spec, int numClasses, Path file) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Classifier model = Backbones.build(spec, numClasses, Backbones.FASHION_MNIST);
      model.initialize(manager, 3);
      Checkpoints.save(file, model, null, null);
    }
    return file;
  }

  private static int[] identity(int n) {
    return IntStream.range(0, n).toArray();
  }
}
