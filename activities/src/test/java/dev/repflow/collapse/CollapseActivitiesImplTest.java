package dev.repflow.collapse;

import static dev.repflow.collapse.CollapseFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.FeatureFiles;
import dev.repflow.artifacts.FeatureTable;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.steps.ActivityHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The activities on the fixture's feature files in a local store: shards, merge, probe, measure.
 */
class CollapseActivitiesImplTest {
  private static final RunContext RUN = ActivityHarness.RUN;
  private static final List<Integer> CLASS_IDS = List.of(0, 1, 2);

  @TempDir Path dir;
  private ActivityHarness harness;
  private CollapseActivities activities;
  private ArtifactRef train;
  private ArtifactRef test;
  private ArtifactRef ood;

  @BeforeEach
  void setUp() {
    harness = new ActivityHarness(dir);
    harness.env.registerActivitiesImplementations(new CollapseActivitiesImpl(harness.store));
    activities = harness.stub(CollapseActivities.class);
    FeatureFiles files = new FeatureFiles(harness.store);
    train = files.write("test/f/train.h5", table(TRAIN, TRAIN_LABELS));
    test = files.write("test/f/test.h5", table(TEST, TEST_LABELS));
    ood = files.write("test/f/ood.h5", table(OOD, OOD_LABELS));
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void shardedPassesGiveTheReferenceMetrics() {
    ArtifactRef means = pass(StatsKind.MEANS, train, CLASS_IDS, null, null, 3);
    ArtifactRef spread = pass(StatsKind.SPREAD, train, CLASS_IDS, means, null, 3);
    ProbeResult probe = activities.fitProbe(RUN, train, CLASS_IDS, new ProbeSpec(300, 0.05, 0));
    assertTrue(probe.trainAccuracy() > 0.9, "probe fits the separable train set");
    ArtifactRef decisions = pass(StatsKind.DECISIONS, test, CLASS_IDS, means, probe.weights(), 2);
    ArtifactRef oodMeans = pass(StatsKind.MEANS, ood, List.of(0, 1), null, null, 2);

    CollapseMetrics m =
        activities.measure(RUN, means, spread, probe.weights(), decisions, oodMeans, 2);
    assertFalse(m.cached());
    assertEquals(0.07066297367385842, m.nc1Pinv(), 1e-9);
    assertEquals(0.16861188679412112, m.nc1Quotient(), 1e-9);
    assertEquals(0.05642123646329547, m.nc1Cdnv(), 1e-9);
    assertEquals(0.15805815604050252, m.nc2EtfError(), 1e-9);
    assertEquals(0.002157949188882749, m.nc2DistVariance(), 1e-9);
    assertEquals(0.40781482336279745, m.nc5OodDeviation(), 1e-9);
    assertTrue(m.nc4Agreement() >= 0 && m.nc4Agreement() <= 1);

    CollapseMetrics again =
        activities.measure(RUN, means, spread, probe.weights(), decisions, oodMeans, 2);
    assertTrue(again.cached());
    assertEquals(m.nc1Pinv(), again.nc1Pinv());
  }

  private ArtifactRef pass(
      StatsKind kind,
      ArtifactRef features,
      List<Integer> classes,
      ArtifactRef means,
      ArtifactRef probe,
      int shards) {
    List<ArtifactRef> parts = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      StepResult r =
          activities.accumulate(
              RUN, new AccumulateRequest(kind, features, classes, s, shards, means, probe));
      parts.add(r.artifact());
    }
    return activities.merge(RUN, kind, parts).artifact();
  }

  private static FeatureTable table(float[][] x, long[] y) {
    return new FeatureTable(x, y, null, Map.of("kind", "embeddings"));
  }
}
