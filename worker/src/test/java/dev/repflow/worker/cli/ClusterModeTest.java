package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `run` and `status` against servers outside the command's process, as with a real cluster (here
 * the `repflow dev` stack), with S3 credentials from the standard AWS chain.
 */
class ClusterModeTest {
  @TempDir Path dir;

  @Test
  void runAgainstRunningServersThenAskForStatus() {
    try (DevStack stack = DevStack.start(0, 0, dir.resolve("s3"), "team-bucket")) {
      System.setProperty("aws.accessKeyId", stack.s3().accessKey());
      System.setProperty("aws.secretAccessKey", stack.s3().secretKey());
      String temporal = stack.temporal().target();

      CliRun run =
          CliRun.execute(
              "run",
              RunCommandTest.TINY,
              "--temporal",
              temporal,
              "--s3-endpoint",
              stack.s3().endpoint().toString(),
              "--bucket",
              "team-bucket",
              "--workflow-id",
              "cluster-run-1");
      assertEquals(0, run.exitCode(), run.toString());
      assertTrue(run.out().contains("s3://team-bucket/cli-test/"), run.toString());

      CliRun status = CliRun.execute("status", "cluster-run-1", "--temporal", temporal);
      assertEquals(0, status.exitCode(), status.toString());
      assertTrue(status.out().startsWith("cluster-run-1: COMPLETED"), status.toString());
      assertTrue(status.out().contains("embeddings"), status.toString());

      CliRun unknown = CliRun.execute("status", "no-such-run", "--temporal", temporal);
      assertEquals(RepflowCli.EXIT_FAILURE, unknown.exitCode(), unknown.toString());
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  @Test
  void workerNeedsAServerAndKnownQueues() {
    CliRun noServer = CliRun.execute("worker");
    assertEquals(RepflowCli.EXIT_FAILURE, noServer.exitCode(), noServer.toString());
    assertTrue(noServer.err().contains("--temporal"), noServer.toString());

    CliRun badQueue = CliRun.execute("worker", "--temporal", "127.0.0.1:1", "--queues", "tpu");
    assertEquals(RepflowCli.EXIT_FAILURE, badQueue.exitCode(), badQueue.toString());
    assertTrue(badQueue.err().contains("unknown queue 'tpu'"), badQueue.toString());

    CliRun shortTimeout =
        CliRun.execute("worker", "--temporal", "127.0.0.1:1", "--heartbeat-timeout", "2");
    assertEquals(RepflowCli.EXIT_FAILURE, shortTimeout.exitCode(), shortTimeout.toString());
    assertTrue(
        shortTimeout.err().contains("--heartbeat-timeout (REPFLOW_HEARTBEAT_TIMEOUT): must be at"),
        shortTimeout.toString());
  }
}
