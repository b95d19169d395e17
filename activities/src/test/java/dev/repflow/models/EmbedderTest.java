package dev.repflow.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.repflow.data.ImageSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embeds held-out classes 5-9 with checkpoints of the small CNN. */
class EmbedderTest {
  private static ImageSet unseen;
  @TempDir Path tmp;

  @BeforeAll
  static void loadData() {
    unseen = Fixtures.test(Fixtures.UNSEEN);
  }

  @Test
  void embeddingsHaveShapeNByEmbeddingDim() {
    Path checkpoint = saveInitialized(Fixtures.SMALL, 5, tmp.resolve("init.params"));
    List<Integer> seen = new ArrayList<>();

    float[][] features =
        new Embedder()
            .embed(unseen, checkpoint, Fixtures.SMALL, 5, 32, (b, n) -> seen.add(b * 10 + n));

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
    float[][] expected;
    Path file = tmp.resolve("model.params");
    try (NDManager manager = NDManager.newBaseManager()) {
      Classifier model = Backbones.build(Fixtures.SMALL, 5);
      model.initialize(manager, 11);
      NDArray images = ImageTensors.images(manager, unseen, identity(10), 0, 10);
      float[] flat = model.embed(new ParameterStore(manager, false), images).toFloatArray();
      expected = new float[10][32];
      for (int i = 0; i < 10; i++) {
        System.arraycopy(flat, i * 32, expected[i], 0, 32);
      }
      Checkpoints.save(file, model, null);
    }
    ImageSet first10 = firstImages(unseen, 10);

    // One batch of 10 on both sides: kernels are chosen per batch shape, so a smaller batch may
    // round differently (bounded by batchSizeDoesNotChangeEmbeddings); this test is about the file.
    float[][] loaded =
        new Embedder().embed(first10, file, Fixtures.SMALL, 5, 10, BatchListener.none());

    assertArrayEquals(expected, loaded);
  }

  @Test
  void batchSizeDoesNotChangeEmbeddings() {
    Path checkpoint = saveInitialized(Fixtures.SMALL, 5, tmp.resolve("init.params"));
    Embedder embedder = new Embedder();
    float[][] one =
        embedder.embed(unseen, checkpoint, Fixtures.SMALL, 5, 100, BatchListener.none());
    float[][] many = embedder.embed(unseen, checkpoint, Fixtures.SMALL, 5, 7, BatchListener.none());
    assertTrue(Fixtures.maxAbsDiff(one, many) < 1e-5);
  }

  @Test
  void checkpointOfAnotherSpecFailsNamingBothSpecs() {
    Path checkpoint = saveInitialized(Fixtures.SMALL, 5, tmp.resolve("small.params"));
    ModelSpec wider = new ModelSpec("cnn", 16, 32);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Embedder().embed(unseen, checkpoint, wider, 5, 32, BatchListener.none()));
    assertTrue(e.getMessage().contains(checkpoint.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("cnn-w8-e32 with 5 classes"), e.getMessage());
    assertTrue(e.getMessage().contains("cnn-w16-e32 with 5 classes"), e.getMessage());

    IllegalArgumentException classes =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Embedder()
                    .embed(unseen, checkpoint, Fixtures.SMALL, 10, 32, BatchListener.none()));
    assertTrue(
        classes.getMessage().contains("with 10 classes was requested"), classes.getMessage());
  }

  @Test
  void fileThatIsNoCheckpointFails() throws IOException {
    Path bogus = Files.writeString(tmp.resolve("bogus.params"), "hello, not a checkpoint");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Embedder().embed(unseen, bogus, Fixtures.SMALL, 5, 32, BatchListener.none()));
    assertTrue(e.getMessage().contains(bogus.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("is not a repflow checkpoint"), e.getMessage());
  }

  private static Path saveInitialized(ModelSpec spec, int numClasses, Path file) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Classifier model = Backbones.build(spec, numClasses);
      model.initialize(manager, 3);
      Checkpoints.save(file, model, null);
    }
    return file;
  }

  private static ImageSet firstImages(ImageSet set, int n) {
    float[] pixels = new float[n * set.pixelsPerImage()];
    System.arraycopy(set.pixels(), 0, pixels, 0, pixels.length);
    return new ImageSet(
        pixels,
        set.height(),
        set.width(),
        Arrays.copyOf(set.labels(), n),
        Arrays.copyOf(set.indices(), n));
  }

  private static int[] identity(int n) {
    return IntStream.range(0, n).toArray();
  }
}
