package dev.repflow.stitching;

import static dev.repflow.steps.ActivityHarness.RUN;
import static dev.repflow.steps.ActivityHarness.SMALL_DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.models.ModelActivities;
import dev.repflow.models.ModelActivitiesImpl;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.TrainSpec;
import dev.repflow.models.TrainedBackbone;
import dev.repflow.steps.ActivityHarness;
import io.temporal.failure.ActivityFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The stitching steps on tiny real data: two small CNNs trained for one epoch, once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StitchingActivitiesImplTest {
  private static final List<Integer> CLASSES = List.of(0, 1, 2);
  private static final ModelSpec MODEL = new ModelSpec("cnn", 4, 8);
  private static final StitchSettings SETTINGS =
      new StitchSettings(20, List.of(2), new StitchSettings.TaskLoss(1, 40, 0.003, null, 3));

  @TempDir static Path dir;
  private ActivityHarness harness;
  private StitchingActivities stitching;
  private TrainedBackbone a;
  private TrainedBackbone b;

  @BeforeAll
  void setUp() {
    harness = new ActivityHarness(dir);
    harness.env.registerActivitiesImplementations(
        new ModelActivitiesImpl(harness.store), new StitchingActivitiesImpl(harness.store));
    ModelActivities models = harness.stub(ModelActivities.class);
    a = models.pretrain(RUN, SMALL_DATA, CLASSES, MODEL, new TrainSpec(1, 40, 0.003, 1));
    b = models.pretrain(RUN, SMALL_DATA, CLASSES, MODEL, new TrainSpec(1, 40, 0.003, 2));
    stitching = harness.stub(StitchingActivities.class);
  }

  @AfterAll
  void tearDown() {
    harness.close();
  }

  @Test
  void stitchesConvAndLinearPairsWithEveryMethodAndReusesTheResult() {
    var detector =
        stitching.trainDetector(
            RUN,
            SMALL_DATA,
            CLASSES,
            new LayerRef("B", "pool2"),
            b,
            new OodSettings(
                new OutlierSource(List.of(7, 8), null),
                new OutlierSource(List.of(9), null),
                8,
                1,
                0,
                0,
                null,
                null,
                null,
                20,
                5));
    assertTrue(detector.auroc() >= 0 && detector.auroc() <= 1);
    // Trained on 3 x 20 ID and 2 x 20 exposure images; evaluated on the 3 x 10 ID and 10 class-9
    // test images.
    assertEquals(new OodDetector.ImageCounts(60, 40, 30, 10), detector.images());

    StitchPair conv = new StitchPair("A", "pool1", "B", "pool2");
    StitchResult result =
        stitching.stitch(RUN, SMALL_DATA, CLASSES, conv, a, b, SETTINGS, detector);

    assertEquals("conv1x1", result.kind());
    assertEquals(
        List.of("direct", "direct-r2", "task-random", "task-direct"),
        result.methods().stream().map(MethodScore::method).toList());
    for (MethodScore m : result.methods()) {
      assertTrue(m.accuracy() >= 0 && m.accuracy() <= 1, m.toString());
      assertTrue(m.oodAuroc() >= 0 && m.oodAuroc() <= 1, m.toString());
      assertTrue(m.oodFpr95() >= 0 && m.oodFpr95() <= 1, m.toString());
    }
    assertFalse(result.cached());
    StitchResult again = stitching.stitch(RUN, SMALL_DATA, CLASSES, conv, a, b, SETTINGS, detector);
    assertTrue(again.cached());
    assertEquals(result.methods(), again.methods());

    StitchResult linear =
        stitching.stitch(
            RUN,
            SMALL_DATA,
            CLASSES,
            new StitchPair("A", "flatten", "B", "fc"),
            a,
            b,
            SETTINGS,
            null);
    assertEquals("linear", linear.kind());
    assertTrue(linear.warnings().get(0).contains("underdetermined"), linear.warnings().toString());
    assertEquals(null, linear.methods().get(0).oodAuroc());
  }

  @Test
  void corruptedInDistributionImagesServeAsOutliersWhenNoClassesAreHeldOut() {
    // Fine-tuned against gaussian noise on the ID training images, evaluated on impulse noise on
    // the ID test images: other images, another corruption.
    var detector =
        stitching.trainDetector(
            RUN,
            SMALL_DATA,
            CLASSES,
            new LayerRef("B", "pool2"),
            b,
            new OodSettings(
                new OutlierSource(null, "gaussian_noise"),
                new OutlierSource(null, "impulse_noise"),
                16,
                60,
                60,
                128,
                null,
                null,
                null,
                40,
                5));

    // The detector learned the ID classes and was scored against the noisy copies. How well it
    // separates them depends on the budget (docs/stitching.md): here only that it was measured.
    assertTrue(detector.idAccuracy() > 0.8, detector.toString());
    assertTrue(detector.auroc() >= 0 && detector.auroc() <= 1, detector.toString());
  }

  @Test
  void probesAndSimilarityAtRanks() {
    var settings = new AnalysisSettings(30, List.of(1, 4), null);
    ProbeResult probe =
        stitching.probe(RUN, SMALL_DATA, CLASSES, new LayerRef("A", "fc"), a, settings);
    assertEquals(List.of(1, 4, 8), probe.accuracy().ranks());
    SimilarityResult same =
        stitching.similarity(
            RUN, SMALL_DATA, CLASSES, new StitchPair("A", "pool2", "A", "pool2"), a, a, settings);
    same.cka().values().forEach(v -> assertEquals(1, v, 1e-6));
    same.procrustes().values().forEach(v -> assertEquals(0, v, 1e-4));
  }

  @Test
  void badLayersAndRanksFailWithClearMessages() {
    var unknown =
        assertThrows(
            ActivityFailure.class,
            () ->
                stitching.stitch(
                    RUN,
                    SMALL_DATA,
                    CLASSES,
                    new StitchPair("A", "layer4", "B", "fc"),
                    a,
                    b,
                    SETTINGS,
                    null));
    assertTrue(
        unknown.getCause().getMessage().contains("unknown layer 'layer4' (layers: [conv1, pool1,"),
        unknown.getCause().getMessage());

    var tooLarge =
        assertThrows(
            ActivityFailure.class,
            () ->
                stitching.stitch(
                    RUN,
                    SMALL_DATA,
                    CLASSES,
                    new StitchPair("A", "fc", "B", "fc"),
                    a,
                    b,
                    new StitchSettings(20, List.of(9), SETTINGS.taskLoss()),
                    null));
    assertTrue(
        tooLarge.getCause().getMessage().contains("rank 9 is larger than the representation A.fc"),
        tooLarge.getCause().getMessage());
  }
}
