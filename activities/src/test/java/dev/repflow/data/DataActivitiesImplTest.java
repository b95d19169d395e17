package dev.repflow.data;

import static dev.repflow.steps.ActivityHarness.RUN;
import static dev.repflow.steps.ActivityHarness.SMALL_DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.common.FailureTypes;
import dev.repflow.steps.ActivityHarness;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataActivitiesImplTest {
  @TempDir Path dir;
  private ActivityHarness harness;
  private DataActivities activities;

  @BeforeEach
  void setUp() {
    harness = new ActivityHarness(dir);
    harness.env.registerActivitiesImplementations(new DataActivitiesImpl(harness.store));
    activities = harness.stub(DataActivities.class);
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void exportsPixelsAsAFeatureFile() {
    var result = activities.exportPixels(RUN, SMALL_DATA, Split.TEST, List.of(7, 9));

    assertEquals(List.of(20L, 784L), result.artifact().shape());
    var table = new FeatureFiles(harness.store).read(result.artifact());
    assertEquals("pixels", table.attributes().get("kind"));
    assertTrue(java.util.Arrays.stream(table.labels()).allMatch(l -> l == 7 || l == 9));
    assertTrue(activities.exportPixels(RUN, SMALL_DATA, Split.TEST, List.of(7, 9)).cached());
  }

  @Test
  void preprocessingIsRecordedAndPartOfTheCacheKey() {
    var plain = activities.exportPixels(RUN, SMALL_DATA, Split.TEST, List.of(7, 9));
    DatasetSpec resized =
        new DatasetSpec(
            null,
            null,
            null,
            null,
            SMALL_DATA.trainPerClass(),
            SMALL_DATA.testPerClass(),
            null,
            null,
            null,
            new PreprocessSpec(14, null, null, null, null));

    var small = activities.exportPixels(RUN, resized, Split.TEST, List.of(7, 9));

    assertFalse(small.cached());
    assertEquals(List.of(20L, 196L), small.artifact().shape());
    var attributes = new FeatureFiles(harness.store).read(small.artifact()).attributes();
    assertEquals(
        "{\"channels\":1,\"crop\":null,\"mean\":[0.0],\"resize\":14,\"std\":[1.0]}",
        attributes.get("preprocess"));
    assertTrue(
        new FeatureFiles(harness.store)
            .read(plain.artifact())
            .attributes()
            .get("preprocess")
            .contains("\"resize\":null"));
  }

  @Test
  void aMissingDatasetFailsOnceNamingThePathAndTheFix() {
    var missing = DatasetSpec.fashionMnist(dir.resolve("nope").toString(), null, null);

    var e =
        assertThrows(
            ActivityFailure.class,
            () -> activities.exportPixels(RUN, missing, Split.TEST, List.of(1)));

    var cause = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.INVALID_INPUT, cause.getType());
    assertTrue(cause.isNonRetryable());
    assertTrue(
        cause.getOriginalMessage().contains(dir.resolve("nope").toString()),
        cause.getOriginalMessage());
    assertTrue(
        cause.getOriginalMessage().contains("dataset-fashion-mnist"), cause.getOriginalMessage());
  }
}
