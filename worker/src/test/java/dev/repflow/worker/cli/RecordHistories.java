package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repflow.worker.runtime.TemporalConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records the histories that {@code workflows}' {@code RecordedHistoriesReplayTest} replays: each
 * tiny config run by {@code repflow run} against {@code repflow dev}'s embedded Temporal and S3,
 * with the CLI's own worker, so the memo, search-attribute upserts, stage details and report step
 * are in the history as a user's run writes them. Skipped unless asked for:
 *
 * <pre>
 * mvn -B -o -q -pl worker -am test -Dtest=RecordHistories -Drepflow.recordHistories=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Each run takes seconds; all of them about a minute on a free core. It overwrites {@code
 * cli-<pipeline>.json}: keep an old file under another name when a workflow changed on purpose
 * (behind {@code Workflow.getVersion}), so both recipes stay replayed.
 */
@EnabledIfSystemProperty(named = "repflow.recordHistories", matches = "true")
class RecordHistories {
  static final Path HISTORIES = Path.of("../workflows/src/test/resources/histories");

  /** History file name (without {@code cli-} and {@code .json}) to the tiny config it records. */
  static final Map<String, String> CONFIGS =
      Map.of(
          "transfer", "tiny-transfer.yaml",
          "fungi", "tiny-fungi.yaml",
          "anchoring", "tiny-anchoring.yaml",
          "collapse", "tiny-collapse.yaml",
          "imprinting", "tiny-imprinting.yaml",
          "stitching", "tiny-stitching.yaml",
          "sweep", "tiny-sweep.yaml");

  @TempDir Path dir;

  @Test
  void recordEveryPipelineThroughTheCli() throws Exception {
    try (DevStack stack = DevStack.start(0, 0, dir.resolve("s3"), "repflow");
        TemporalConnection connection =
            TemporalConnection.connect(stack.temporal().target(), "default")) {
      System.setProperty("aws.accessKeyId", stack.s3().accessKey());
      System.setProperty("aws.secretAccessKey", stack.s3().secretKey());
      for (var entry : CONFIGS.entrySet()) {
        String id = "cli-" + entry.getKey(); // the file name: replay needs it for child ids
        CliRun run =
            CliRun.execute(
                "run",
                "src/test/resources/configs/" + entry.getValue(),
                "--workflow-id",
                id,
                "--temporal",
                stack.temporal().target(),
                "--s3-endpoint",
                stack.s3().endpoint().toString(),
                "--bucket",
                stack.bucket());
        assertEquals(0, run.exitCode(), entry.getKey() + ": " + run);
        Files.writeString(
            HISTORIES.resolve(id + ".json"), connection.client().fetchHistory(id).toJson(true));
      }
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }
}
