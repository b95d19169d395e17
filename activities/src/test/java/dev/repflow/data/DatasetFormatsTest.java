package dev.repflow.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.testing.PythonReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same FashionMNIST-derived 32x32 RGB images written in every format (by NumPy and Pillow) read
 * back through {@link Datasets}: every reader gives the same pixels and labels, preprocessing
 * matches torchvision on PIL images, and bad input fails naming the file.
 */
class DatasetFormatsTest {
  private static final List<Integer> CLASSES = List.of(0, 1, 2);
  private static final PreprocessSpec NONE = new PreprocessSpec(null, null, null, null, null);

  @TempDir static Path root;

  @BeforeAll
  static void writeSamples() {
    for (String format : List.of("imagefolder", "cifar10", "cifar100", "npy")) {
      SampleDatasets.write(format, root.resolve(format), 3, 4, 2);
    }
    SampleDatasets.write("imagefolder", root.resolve("jpeg"), 3, 4, 2, "--ext", "jpg");
  }

  static DatasetSpec spec(String format, Path dir, PreprocessSpec preprocess, String onError) {
    Integer classes = format.startsWith("cifar") ? null : 3;
    return new DatasetSpec(
        null, format, dir.toString(), classes, null, null, null, null, onError, preprocess);
  }

  private static ImageSet load(String format, Path dir, Split split) {
    return Datasets.load(spec(format, dir, NONE, null), split, CLASSES);
  }

  @Test
  void everyFormatGivesTheSamePixelsAndLabels() {
    for (Split split : Split.values()) {
      ImageSet npy = load("npy", root.resolve("npy"), split);
      ImageSet cifar = load("cifar10", root.resolve("cifar10"), split);
      ImageSet cifar100 = load("cifar100", root.resolve("cifar100"), split);
      ImageSet folder = load("imagefolder", root.resolve("imagefolder"), split);

      assertEquals(new ImageShape(3, 32, 32), npy.shape());
      assertEquals(CLASSES.size() * (split == Split.TRAIN ? 4 : 2), npy.size());
      assertArrayEquals(npy.pixels(), cifar.pixels());
      assertArrayEquals(npy.labels(), cifar.labels());
      assertArrayEquals(npy.pixels(), cifar100.pixels());
      assertArrayEquals(npy.labels(), cifar100.labels());
      // The folder lists class by class; within a class both keep the source order.
      for (int c : CLASSES) {
        assertArrayEquals(ofClass(npy, c), ofClass(folder, c), "class " + c);
      }
    }
  }

  @Test
  void jpegDecodesCloseToTheLosslessImages() {
    ImageSet png = load("imagefolder", root.resolve("imagefolder"), Split.TEST);
    ImageSet jpeg = load("imagefolder", root.resolve("jpeg"), Split.TEST);
    double diff = 0;
    for (int i = 0; i < png.pixels().length; i++) {
      diff += Math.abs(png.pixels()[i] - jpeg.pixels()[i]);
    }
    assertTrue(diff / png.pixels().length < 0.02, "mean |png - jpeg| " + diff);
  }

  @Test
  void resizeCropAndGrayMatchTorchvisionOnPilImages() {
    Path dir = root.resolve("imagefolder");
    for (int channels : new int[] {3, 1}) {
      PreprocessSpec pre = new PreprocessSpec(20, 16, channels, List.of(0.5), List.of(0.25));
      ImageSet mine = Datasets.load(spec("imagefolder", dir, pre, null), Split.TEST, List.of(1));
      double[] python =
          PythonReference.run(
              String.format(
                  """
                  import glob, torchvision.transforms as T
                  from PIL import Image
                  t = T.Compose([T.Resize(20), T.CenterCrop(16), T.ToTensor()])
                  files = sorted(glob.glob('%s/test/1-*/*.png'))
                  images = [Image.open(f).convert('%s') for f in files]
                  print(*np.stack([t(i).numpy() for i in images]).ravel())
                  """,
                  dir, channels == 3 ? "RGB" : "L"));
      assertEquals(new ImageShape(channels, 16, 16), mine.shape());
      double worst = 0;
      for (int i = 0; i < python.length; i++) {
        worst = Math.max(worst, Math.abs(python[i] - mine.pixels()[i]));
      }
      // Pillow resizes in 8 bits: one grey level of rounding.
      assertTrue(worst <= 1.01 / 255, channels + " channels: max |diff| " + worst);
      // Normalisation applies at model input: (x - 0.5) / 0.25.
      assertEquals((mine.pixels()[5] - 0.5f) / 0.25f, mine.input(0)[5], 1e-6f);
    }
  }

  @Test
  void aFolderWithoutSplitsIsSplitBySeedPerClass() throws Exception {
    Path flat = copyOf(root.resolve("imagefolder").resolve("train"), "flat");
    DatasetSpec spec =
        new DatasetSpec(null, "imagefolder", flat.toString(), 3, null, null, 0.25, 7L, null, NONE);

    ImageSet train = Datasets.load(spec, Split.TRAIN, CLASSES);
    ImageSet test = Datasets.load(spec, Split.TEST, CLASSES);

    // 4 images per class: ceil(4 * 0.25) = 1 held out each.
    assertEquals(9, train.size());
    assertEquals(3, test.size());
    assertArrayEquals(test.pixels(), Datasets.load(spec, Split.TEST, CLASSES).pixels());
    for (int t = 0; t < test.size(); t++) {
      for (int r = 0; r < train.size(); r++) {
        assertTrue(
            !Arrays.equals(test.image(t), train.image(r)), "test image " + t + " is also in train");
      }
    }
  }

  @Test
  void imageFolderDefaultsToImageNetStatistics() {
    DatasetSpec spec = spec("imagefolder", root.resolve("imagefolder"), null, null);
    assertEquals(PreprocessSpec.IMAGENET_MEAN, spec.preprocess().mean());
    assertEquals(3, spec.preprocess().channels());
    assertEquals(3, Datasets.countClasses(spec));
  }

  @Test
  void folderErrorsNameTheFolder() throws Exception {
    Path missing = root.resolve("nowhere");
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> load("imagefolder", missing, Split.TRAIN));
    assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());

    Path empty = copyOf(root.resolve("imagefolder"), "empty-class");
    Path emptyClass = empty.resolve("test/2-pullover");
    try (var files = Files.list(emptyClass)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    e = assertThrows(IllegalArgumentException.class, () -> load("imagefolder", empty, Split.TEST));
    assertTrue(e.getMessage().contains(emptyClass + " has no images"), e.getMessage());
  }

  @Test
  void aCorruptImageFailsNamingItOrIsSkippedAndCounted() throws Exception {
    Path dir = copyOf(root.resolve("imagefolder"), "corrupt");
    Path bad;
    try (var files = Files.list(dir.resolve("test/0-t-shirt"))) {
      bad = files.sorted().findFirst().orElseThrow();
    }
    Files.write(bad, Arrays.copyOf(Files.readAllBytes(bad), 40));

    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Datasets.load(spec("imagefolder", dir, NONE, "fail"), Split.TEST, CLASSES));
    assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("dataset.onError: skip"), e.getMessage());

    ImageSource source = Datasets.open(spec("imagefolder", dir, NONE, "skip"), Split.TEST, CLASSES);
    ImageSet kept = source.loadAll("test", ReadProgress.none());
    assertEquals(5, kept.size());
    assertEquals(1, source.skipped());
  }

  @Test
  void mixedSizesNeedAResize() throws Exception {
    Path dir = copyOf(root.resolve("imagefolder"), "mixed");
    PythonReference.run(
        String.format(
            """
            from PIL import Image
            Image.new('RGB', (40, 36)).save('%s/test/1-trouser/99999.png')
            print(0)
            """,
            dir));
    var e =
        assertThrows(IllegalArgumentException.class, () -> load("imagefolder", dir, Split.TEST));
    assertTrue(e.getMessage().contains("99999.png is 3x36x40"), e.getMessage());
    assertTrue(e.getMessage().contains("dataset.preprocess.resize"), e.getMessage());

    PreprocessSpec fixed = new PreprocessSpec(32, 32, null, null, null);
    ImageSet resized = Datasets.load(spec("imagefolder", dir, fixed, null), Split.TEST, CLASSES);
    assertEquals(7, resized.size());
  }

  @Test
  void npyLabelOutOfRangeAndShortCifarFileAreNamed() throws Exception {
    Path npy = copyOf(root.resolve("npy"), "npy-labels");
    PythonReference.run(
        String.format(
            """
            np.save('%s/test_labels.npy', np.array([0, 1, 7, 2, 0, 1], dtype=np.int64))
            print(0)
            """,
            npy));
    var e = assertThrows(IllegalArgumentException.class, () -> load("npy", npy, Split.TEST));
    assertTrue(e.getMessage().contains("test_labels.npy entry 2"), e.getMessage());

    Path cifar = copyOf(root.resolve("cifar10"), "cifar-short");
    Path batch = cifar.resolve("test_batch.bin");
    Files.write(batch, Arrays.copyOf(Files.readAllBytes(batch), 3073 * 2 - 10));
    e = assertThrows(IllegalArgumentException.class, () -> load("cifar10", cifar, Split.TEST));
    assertTrue(e.getMessage().contains(batch + " has 6136 bytes"), e.getMessage());
  }

  private static float[] ofClass(ImageSet set, int c) {
    int[] rows = IntStream.range(0, set.size()).filter(i -> set.labels()[i] == c).toArray();
    return set.subset(rows).pixels();
  }

  private static Path copyOf(Path from, String name) throws Exception {
    Path to = root.resolve(name);
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
