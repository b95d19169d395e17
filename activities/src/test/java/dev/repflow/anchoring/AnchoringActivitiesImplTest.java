package dev.repflow.anchoring;

import static dev.repflow.steps.ActivityHarness.RUN;
import static dev.repflow.steps.ActivityHarness.SMALL_DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.RunContext;
import dev.repflow.models.ModelSpec;
import dev.repflow.steps.ActivityHarness;
import io.temporal.failure.ActivityFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train, corrupt, infer and report on 400 real training and 100 test images. */
@Tag("determinism")
class AnchoringActivitiesImplTest {
  private static final ModelSpec MODEL = new ModelSpec("cnn", 4, 8);
  private static final AnchorTraining ONE_EPOCH =
      new AnchorTraining(1, 50, 0.05, null, null, 5, List.of(0.25), true);
  private static final CorruptionSpec FOG =
      new CorruptionSpec(List.of("fog"), List.of(1, 5), 3L, null);
  private static final InferenceSpec THREE_ANCHORS = new InferenceSpec(3, null, 1L, 10, 64);

  @TempDir Path dir;
  private ActivityHarness harness;
  private AnchoringActivities gpu;
  private CorruptionActivities cpu;

  @BeforeEach
  void setUp() {
    harness = new ActivityHarness(dir);
    harness.env.registerActivitiesImplementations(
        new AnchoringActivitiesImpl(harness.store), new CorruptionActivitiesImpl(harness.store));
    gpu = harness.stub(AnchoringActivities.class);
    cpu = harness.stub(CorruptionActivities.class);
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void trainsCorruptsInfersAndReports() throws Exception {
    AnchoredModel standard = gpu.train(RUN, SMALL_DATA, MODEL, ONE_EPOCH, ModelVariant.standard());
    AnchoredModel anchored =
        gpu.train(RUN, SMALL_DATA, MODEL, ONE_EPOCH, ModelVariant.anchored(0.25));
    CorruptedSet clean = cpu.corrupt(RUN, SMALL_DATA, CorruptedSet.CLEAN, FOG);
    CorruptedSet fog = cpu.corrupt(RUN, SMALL_DATA, "fog", FOG);

    assertEquals(List.of(0), clean.severities());
    assertEquals(List.of(200L, 784L), fog.images().shape());
    var table = new FeatureFiles(harness.store).read(fog.images());
    assertEquals("corrupted-images", table.attributes().get("kind"));
    assertEquals("1,5", table.attributes().get("severities"));

    CorruptionMetrics plain = gpu.infer(RUN, SMALL_DATA, standard, fog, THREE_ANCHORS);
    CorruptionMetrics spread = gpu.infer(RUN, SMALL_DATA, anchored, fog, THREE_ANCHORS);
    CorruptionMetrics cleanCell = gpu.infer(RUN, SMALL_DATA, anchored, clean, THREE_ANCHORS);

    assertEquals(List.of(11L), plain.predictions().shape().subList(1, 2)); // 10 classes + spread
    assertEquals(
        List.of(1, 5), plain.severities().stream().map(SeverityMetrics::severity).toList());
    assertEquals(100, plain.severities().get(0).images());
    assertEquals(0.0, plain.severities().get(0).uncertainty());
    assertTrue(spread.severities().get(0).uncertainty() > 0, spread.toString());
    assertEquals(100, cleanCell.severities().get(0).images());

    AnchoringReport report = cpu.report(RUN, List.of(plain, spread, cleanCell));
    // standard at 1 and 5; anchored at 0 (clean), 1 and 5.
    assertEquals(List.of(1, 5, 0, 1, 5), report.rows().stream().map(SummaryRow::severity).toList());
    Path svg = harness.store.download(report.plot());
    assertTrue(Files.readString(svg).startsWith("<svg"));

    // Re-running reuses every step, including metrics recomputed from stored predictions.
    CorruptionMetrics again = gpu.infer(RUN, SMALL_DATA, standard, fog, THREE_ANCHORS);
    assertTrue(again.cached());
    assertEquals(plain.severities(), again.severities());
  }

  @Test
  void generatedSetsAreDeterministic() {
    var noCache = new RunContext("test", false);
    CorruptedSet first = cpu.corrupt(noCache, SMALL_DATA, "elastic_transform", FOG);
    CorruptedSet second = cpu.corrupt(noCache, SMALL_DATA, "elastic_transform", FOG);
    assertFalse(second.cached());
    assertEquals(first.images().sha256(), second.images().sha256());
  }

  @Test
  void badInputFailsNamingTheValue() {
    var unknown =
        assertThrows(ActivityFailure.class, () -> cpu.corrupt(RUN, SMALL_DATA, "frost", FOG));
    assertTrue(
        unknown.getCause().getMessage().contains("'frost'"), unknown.getCause().getMessage());

    // A standard (1-channel) checkpoint handed over as an anchored model.
    AnchoredModel standard = gpu.train(RUN, SMALL_DATA, MODEL, ONE_EPOCH, ModelVariant.standard());
    AnchoredModel mislabelled =
        new AnchoredModel(
            ModelVariant.anchored(0.25), MODEL, 10, standard.checkpoint(), 1, 0, 0, false, null);
    CorruptedSet clean = cpu.corrupt(RUN, SMALL_DATA, CorruptedSet.CLEAN, FOG);
    var wrongArch =
        assertThrows(
            ActivityFailure.class,
            () -> gpu.infer(RUN, SMALL_DATA, mislabelled, clean, THREE_ANCHORS));
    String message = wrongArch.getCause().getMessage();
    assertTrue(
        message.contains(standard.checkpoint().uri())
            && message.contains("with 1 input channels")
            && message.contains("with 2 input channels"),
        message);
  }
}
