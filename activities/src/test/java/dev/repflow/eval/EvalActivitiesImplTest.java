package dev.repflow.eval;

import static dev.repflow.steps.ActivityHarness.RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.common.FailureTypes;
import dev.repflow.steps.ActivityHarness;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalActivitiesImplTest {
  @TempDir Path dir;
  private ActivityHarness harness;
  private EvalActivities activities;
  private FeatureFiles files;

  @BeforeEach
  void setUp() {
    harness = new ActivityHarness(dir);
    harness.env.registerActivitiesImplementations(new EvalActivitiesImpl(harness.store));
    activities = harness.stub(EvalActivities.class);
    files = new FeatureFiles(harness.store);
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  /** Two well separated classes on a line: class 0 near 0, class 1 near 10. */
  private ArtifactRef line(String key, int perClass, int columns) {
    float[][] x = new float[2 * perClass][columns];
    long[] y = new long[2 * perClass];
    for (int i = 0; i < x.length; i++) {
      y[i] = i % 2;
      x[i][0] = y[i] * 10 + i * 0.01f;
    }
    return files.write(key, new FeatureTable(x, y, null, Map.of("kind", "test")));
  }

  @Test
  void classifiesSeparableDataPerfectlyAndReusesTheReport() {
    ArtifactRef memory = line("test/f/memory.h5", 30, 3);
    ArtifactRef queries = line("test/f/queries.h5", 5, 3);

    KnnResult result = activities.knn(RUN, "line", memory, queries, 20);

    assertEquals(1.0, result.accuracy());
    assertEquals(1.0, result.meanPerClassAccuracy());
    assertEquals(10, result.queries());
    assertEquals(3, result.dimensions());
    KnnResult again = activities.knn(RUN, "line", memory, queries, 20);
    assertTrue(again.cached());
    assertEquals(result.report(), again.report());
  }

  @Test
  void aCorruptArtifactFailsOnceNamingTheObject() throws Exception {
    ArtifactRef memory = line("test/f/memory.h5", 30, 3);
    ArtifactRef queries = line("test/f/queries.h5", 5, 3);
    Path onDisk;
    try (var paths = Files.walk(dir)) {
      onDisk = paths.filter(p -> p.toString().endsWith("queries.h5")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(onDisk);
    Files.write(onDisk, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // truncated

    var e =
        assertThrows(ActivityFailure.class, () -> activities.knn(RUN, "line", memory, queries, 20));

    var cause = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.ARTIFACT_INTEGRITY, cause.getType());
    assertTrue(cause.getOriginalMessage().contains(queries.uri()), cause.getOriginalMessage());
  }

  @Test
  void mismatchedDimensionsAreBadInput() {
    ArtifactRef memory = line("test/f/memory.h5", 30, 3);
    ArtifactRef queries = line("test/f/queries4.h5", 5, 4);

    var e =
        assertThrows(ActivityFailure.class, () -> activities.knn(RUN, "line", memory, queries, 20));

    var cause = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.INVALID_INPUT, cause.getType());
    assertTrue(cause.getOriginalMessage().contains("has 3 columns"), cause.getOriginalMessage());
  }
}
