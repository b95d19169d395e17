package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default mode (embedded Temporal and S3 in the CLI's process): the CLI is killed during
 * training and started again. The new run has no heartbeat to resume from, finds the stored epoch
 * checkpoints under the step's content address, and ends with the same bytes as a run that was
 * never interrupted.
 */
@Tag("cluster")
class KilledRunResumeTest {
  private static final String CONFIG =
      String.join(
          "\n",
          "pipeline: transfer",
          "experiment: killed",
          "dataset:",
          "  trainPerClass: 100",
          "  testPerClass: 10",
          "model:",
          "  width: 4",
          "  embeddingDim: 8",
          "pretrain:",
          "  classes: [0, 1, 2, 3, 4]",
          "  epochs: 5",
          "  batchSize: 10",
          "  learningRate: 0.003",
          "  seed: 5",
          "evaluate:",
          "  classes: [5, 6, 7, 8, 9]",
          "  k: 5",
          "  pixelBaseline: false",
          "");

  @TempDir Path dir;

  @Test
  void aRunStartedAgainAfterTheCliWasKilledResumesTrainingAndEndsWithTheSameArtifacts()
      throws Exception {
    Path config = dir.resolve("killed.yaml");
    Files.writeString(config, CONFIG);
    Path interrupted = dir.resolve("interrupted");
    Path epochs =
        interrupted.resolve("s3").resolve("repflow").resolve("killed").resolve("pretrain");

    Path firstLog = dir.resolve("first.log");
    Process first = run(config, interrupted, firstLog);
    awaitEpochCheckpoint(first, firstLog, epochs);
    first.destroyForcibly(); // SIGKILL: the embedded Temporal server and its history die with it
    assertTrue(first.waitFor(30, TimeUnit.SECONDS));
    assertTrue(
        epochCheckpoints(epochs) < 5, "the first run must be killed before it trained every epoch");

    Path secondLog = dir.resolve("second.log");
    Process second = run(config, interrupted, secondLog);
    assertTrue(second.waitFor(150, TimeUnit.SECONDS), "second run: " + Files.readString(secondLog));
    String output = Files.readString(secondLog);
    assertEquals(0, second.exitValue(), output);
    assertTrue(
        output.matches("(?s).*resuming after epoch [1-4] from s3://repflow/killed/pretrain/.*"),
        "the new run continued from a stored epoch checkpoint:\n" + output);

    Path uninterrupted = dir.resolve("uninterrupted");
    CliRun reference =
        CliRun.execute("run", config.toString(), "--data-dir", uninterrupted.toString());
    assertEquals(0, reference.exitCode(), reference.toString());
    assertEquals(objects(uninterrupted), objects(interrupted));
  }

  private static Process run(Path config, Path dataDir, Path log) throws IOException {
    return ChildCli.start(
        List.of("-Dai.djl.offline=true"),
        List.of("run", config.toString(), "--data-dir", dataDir.toString()),
        Map.of("REPFLOW_LOG_LEVEL", "INFO"),
        log);
  }

  /** Waits until the first epoch checkpoint is stored. */
  private static void awaitEpochCheckpoint(Process run, Path log, Path epochs) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && epochCheckpoints(epochs) == 0) {
      if (!run.isAlive()) {
        throw new AssertionError("the run ended early: " + Files.readString(log));
      }
      Thread.sleep(50);
    }
    if (epochCheckpoints(epochs) == 0) {
      throw new AssertionError("no epoch checkpoint stored: " + Files.readString(log));
    }
  }

  private static long epochCheckpoints(Path epochs) throws IOException {
    if (!Files.isDirectory(epochs)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(epochs)) {
      return files.filter(f -> f.getFileName().toString().matches(".*-epoch\\d+\\.params")).count();
    }
  }

  /**
   * sha256 of every stored step output, by key; the run reports (under {@code reports/<workflow
   * id>/}, with the run's id and times in them) are left out.
   */
  private static Map<String, String> objects(Path dataDir) throws IOException {
    Path bucket = dataDir.resolve("s3").resolve("repflow");
    Map<String, String> objects = new TreeMap<>();
    try (Stream<Path> files = Files.walk(bucket)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String key = bucket.relativize(f).toString();
        if (!key.startsWith("killed/reports/")) {
          objects.put(key, Sha256.of(f));
        }
      }
    }
    return objects;
  }
}
