package dev.repflow.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real FashionMNIST files of the Debian package. */
class FashionMnistTest {
  private static final Path REAL = Path.of(DatasetSpec.FASHION_MNIST_DIR);
  private static final List<Integer> ALL = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  private static ImageSet fullTrain;

  @BeforeAll
  static void loadFullTrainSplit() {
    fullTrain = Datasets.load(DatasetSpec.defaults(), Split.TRAIN, ALL);
  }

  @Test
  void fullTrainSplitHas6000ImagesPerClass() {
    assertEquals(60000, fullTrain.size());
    assertEquals(28, fullTrain.height());
    assertEquals(28, fullTrain.width());
    int[] counts = new int[10];
    Arrays.stream(fullTrain.labels()).forEach(label -> counts[label]++);
    int[] expected = new int[10];
    Arrays.fill(expected, 6000);
    assertArrayEquals(expected, counts);
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float p : fullTrain.pixels()) {
      min = Math.min(min, p);
      max = Math.max(max, p);
    }
    assertEquals(0f, min);
    assertEquals(1f, max);
  }

  @Test
  void perClassLimitKeepsTheFirstImagesOfEachClassInFileOrder() {
    DatasetSpec spec = DatasetSpec.fashionMnist(null, 100, null);
    ImageSet subset = Datasets.load(spec, Split.TRAIN, List.of(9, 8, 7, 6, 5));

    assertEquals(500, subset.size());
    int[] expectedIndices = firstPerClass(fullTrain.labels(), 5, 100);
    assertArrayEquals(expectedIndices, subset.indices());
    for (int k = 0; k < subset.size(); k++) {
      int source = subset.indices()[k];
      assertEquals(fullTrain.labels()[source], subset.labels()[k]);
      assertArrayEquals(fullTrain.image(source), subset.image(k));
    }
  }

  @Test
  void testSplitLoadsAndUncompressedFilesWork(@TempDir Path dir) throws IOException {
    for (String name : List.of("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(REAL.resolve(name + ".gz")))) {
        Files.copy(in, dir.resolve(name));
      }
    }
    DatasetSpec fromGz = DatasetSpec.fashionMnist(null, null, 30);
    DatasetSpec plain = DatasetSpec.fashionMnist(dir.toString(), null, 30);

    ImageSet expected = Datasets.load(fromGz, Split.TEST, List.of(0, 3));
    ImageSet actual = Datasets.load(plain, Split.TEST, List.of(0, 3));

    assertEquals(60, actual.size());
    assertArrayEquals(expected.indices(), actual.indices());
    assertArrayEquals(expected.pixels(), actual.pixels());
  }

  @Test
  void missingDirectoryNamesThePathAndTheDebianPackage() {
    DatasetSpec spec = DatasetSpec.fashionMnist("/nonexistent/fmnist", null, null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Datasets.load(spec, Split.TRAIN, ALL));
    assertTrue(e.getMessage().contains("/nonexistent/fmnist"), e.getMessage());
    assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    assertTrue(e.getMessage().contains("dataset.dir"), e.getMessage());
  }

  @Test
  void missingFileNamesIt(@TempDir Path dir) {
    DatasetSpec spec = DatasetSpec.fashionMnist(dir.toString(), null, null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Datasets.load(spec, Split.TEST, ALL));
    assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte.gz"), e.getMessage());
    assertTrue(e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
  }

  @Test
  void truncatedGzipFileFailsNamingTheFile(@TempDir Path dir) throws IOException {
    byte[] gz = Files.readAllBytes(REAL.resolve("t10k-images-idx3-ubyte.gz"));
    Path truncated = dir.resolve("t10k-images-idx3-ubyte.gz");
    Files.write(truncated, Arrays.copyOf(gz, gz.length / 2));
    Files.copy(REAL.resolve("t10k-labels-idx1-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"));
    DatasetSpec spec = DatasetSpec.fashionMnist(dir.toString(), null, null);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Datasets.load(spec, Split.TEST, ALL));
    assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void truncatedUncompressedFileFailsNamingTheFile(@TempDir Path dir) throws IOException {
    Path labels = dir.resolve("t10k-labels-idx1-ubyte");
    try (InputStream in =
        new GZIPInputStream(Files.newInputStream(REAL.resolve("t10k-labels-idx1-ubyte.gz")))) {
      Files.write(labels, Arrays.copyOf(in.readAllBytes(), 5000));
    }
    Files.copy(REAL.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-images-idx3-ubyte.gz"));
    DatasetSpec spec = DatasetSpec.fashionMnist(dir.toString(), null, null);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Datasets.load(spec, Split.TEST, ALL));
    assertTrue(e.getMessage().contains(labels.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("promises 10000 data bytes, found 4992"), e.getMessage());
  }

  @Test
  void labelFileInPlaceOfImagesFailsOnTheMagicNumber(@TempDir Path dir) throws IOException {
    Path labels = REAL.resolve("t10k-labels-idx1-ubyte.gz");
    Files.copy(labels, dir.resolve("t10k-images-idx3-ubyte.gz"));
    Files.copy(labels, dir.resolve("t10k-labels-idx1-ubyte.gz"));
    DatasetSpec spec = DatasetSpec.fashionMnist(dir.toString(), null, null);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Datasets.load(spec, Split.TEST, ALL));
    assertTrue(e.getMessage().contains("magic number 2049, expected 2051"), e.getMessage());
  }

  /** Indices of the first {@code limit} images of each class {@code >= minClass}, file order. */
  private static int[] firstPerClass(int[] labels, int minClass, int limit) {
    int[] seen = new int[10];
    return IntStream.range(0, labels.length)
        .filter(i -> labels[i] >= minClass && seen[labels[i]]++ < limit)
        .toArray();
  }
}
