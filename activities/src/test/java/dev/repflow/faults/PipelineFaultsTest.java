package dev.repflow.faults;

import static dev.repflow.faults.ReliabilityTable.SUITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.S3ArtifactStore;
import dev.repflow.faults.ReliabilityTable.Row;
import dev.repflow.steps.StepCache;
import dev.repflow.testing.BitRot;
import dev.repflow.testing.LogCapture;
import dev.repflow.transfer.TransferEvalResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite, pipeline level: the transfer pipeline (seven steps, three training epochs) with
 * every artifact going through a {@link FaultProxy}, and again after stored artifacts and epoch
 * checkpoints were damaged on disk. Every run must finish with the results of a run without faults,
 * and afterwards every stored object must verify.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineFaultsTest {
  private static final int EPOCHS = 3;
  private static final String REFERENCE = "reference";

  @TempDir static Path s3Dir;
  private static FaultyS3 s3;
  private static TransferEvalResult reference;

  @BeforeAll
  static void runWithoutFaults() throws Exception {
    s3 = FaultyS3.start(s3Dir);
    reference = TransferRuns.run(s3.direct(), TransferRuns.spec(REFERENCE, EPOCHS));
  }

  @AfterAll
  static void stopS3() throws Exception {
    try {
      SUITE.write();
    } finally {
      s3.close();
    }
  }

  @Test
  @Order(1)
  void runsFinishWithTheSameResultsUnderFaults() throws Exception {
    for (long seed : new long[] {11, 12, 13}) {
      FaultPlan plan = new FaultPlan(seed, 0.25, FaultPlan.ALL);
      String experiment = "faults-" + seed;
      TransferEvalResult result;
      try (FaultProxy proxy = s3.proxy(plan);
          S3ArtifactStore store = s3.through(proxy)) {
        result = TransferRuns.run(store, TransferRuns.spec(experiment, EPOCHS));
      }
      assertSameResults(reference, result);
      assertTrue(plan.total() > 0, "seed " + seed + ": no fault was injected");
      SUITE.add(
          new Row(
              "transfer pipeline, fault seed " + seed,
              plan.injected(),
              "1/1",
              s3.verifyAll(experiment + "/", -1),
              "-",
              0));
    }
  }

  @Test
  @Order(2)
  void corruptStoredArtifactsAreNamedAndRecomputedByTheNextRun() throws Exception {
    List<ArtifactRef> damaged =
        List.of(
            reference.backbone().checkpoint(),
            reference.trainEmbeddings(),
            reference.evaluations().get(0).report());
    for (ArtifactRef ref : damaged) {
      BitRot.flipByte(s3.file(ref.key()));
    }

    FaultPlan plan = new FaultPlan(21, 0.1, FaultPlan.ALL);
    TransferEvalResult again;
    List<String> warnings;
    try (FaultProxy proxy = s3.proxy(plan);
        S3ArtifactStore store = s3.through(proxy);
        LogCapture log = LogCapture.of(StepCache.class)) {
      again = TransferRuns.run(store, TransferRuns.spec(REFERENCE, EPOCHS));
      warnings = log.messages();
    }

    assertSameResults(reference, again);
    long named =
        damaged.stream()
            .filter(r -> warnings.stream().anyMatch(w -> w.contains(r.uri() + " is corrupt")))
            .count();
    assertEquals(damaged.size(), named, warnings.toString());
    assertTrue(again.cachedSteps() < again.totalSteps(), "the damaged steps ran again");
    SUITE.add(
        new Row(
            "transfer pipeline again after 3 stored artifacts got a flipped byte",
            plan.injected(),
            "1/1",
            s3.verifyAll(REFERENCE + "/", -1),
            damaged.size() + " -> " + named,
            0));
  }

  @Test
  @Order(3)
  void damagedEpochCheckpointsAreTrainedAgainFromTheLastIntactOne() throws Exception {
    // A run killed after its last epoch checkpoint but before its manifest...
    String checkpoint = reference.backbone().checkpoint().key();
    String epoch = checkpoint.replace(".params", "-epoch");
    for (String key :
        List.of(checkpoint.replace(".params", ".json"), checkpoint, epoch + EPOCHS + ".params")) {
      s3.delete(key);
    }
    // ...and a flipped byte in the epoch-2 checkpoint.
    BitRot.flipByte(s3.file(epoch + "2.params"));

    FaultPlan plan = new FaultPlan(31, 0.1, FaultPlan.ALL);
    TransferEvalResult again;
    List<String> log;
    try (FaultProxy proxy = s3.proxy(plan);
        S3ArtifactStore store = s3.through(proxy);
        LogCapture capture = LogCapture.withInfo("dev.repflow.models.EpochCheckpoints")) {
      again = TransferRuns.run(store, TransferRuns.spec(REFERENCE, EPOCHS));
      log = capture.messages();
    }

    assertSameResults(reference, again);
    assertTrue(log.stream().anyMatch(m -> m.contains("-epoch2.params is corrupt")), log.toString());
    int resumedAfter =
        log.stream()
            .filter(m -> m.startsWith("resuming after epoch "))
            .map(m -> Integer.parseInt(m.split(" ")[3]))
            .findFirst()
            .orElse(0);
    assertEquals(1, resumedAfter, log.toString());
    SUITE.add(
        new Row(
            "transfer pipeline again after a kill before the training manifest and a flipped"
                + " byte in the epoch-2 checkpoint",
            plan.injected(),
            "1/1",
            s3.verifyAll(REFERENCE + "/", -1),
            "1 -> 1",
            EPOCHS - resumedAfter));
  }

  /**
   * Same weights, same evaluations; within one experiment also the same embedding files (across
   * experiments they differ in the checkpoint URI they record).
   */
  private static void assertSameResults(TransferEvalResult expected, TransferEvalResult actual) {
    assertEquals(
        expected.backbone().checkpoint().sha256(), actual.backbone().checkpoint().sha256());
    if (expected.trainEmbeddings().uri().equals(actual.trainEmbeddings().uri())) {
      assertEquals(expected.trainEmbeddings(), actual.trainEmbeddings());
      assertEquals(expected.testEmbeddings(), actual.testEmbeddings());
    }
    assertEquals(expected.evaluations().size(), actual.evaluations().size());
    for (int i = 0; i < expected.evaluations().size(); i++) {
      assertEquals(
          expected.evaluations().get(i).accuracy(), actual.evaluations().get(i).accuracy());
    }
  }
}
