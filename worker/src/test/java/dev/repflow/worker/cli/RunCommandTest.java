package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline through the CLI's main entry: embedded Temporal (port-bound) + S3 + DJL. */
class RunCommandTest {
  static final String TINY = "src/test/resources/configs/tiny-transfer.yaml";

  @TempDir Path dataDir;

  @Test
  void runsThePipelineThenReusesEveryStepThenRecomputesOnRequest() {
    CliRun first = CliRun.execute("run", TINY, "--data-dir", dataDir.toString());

    assertEquals(0, first.exitCode(), first.toString());
    assertTrue(first.out().contains("Started TransferEvalWorkflow cli-test-"), first.toString());
    assertTrue(first.out().matches("(?s).*embeddings\\s+16\\s+0\\.\\d{4}.*"), first.toString());
    assertTrue(first.out().matches("(?s).*pixels\\s+784\\s+0\\.\\d{4}.*"), first.toString());
    assertTrue(
        first.out().contains("checkpoint        s3://repflow/cli-test/pretrain/"),
        first.toString());
    assertTrue(first.out().contains("7 steps, 0 reused from cache"), first.toString());
    assertTrue(
        first
            .out()
            .matches(
                "(?s).*Memory    peak RSS [0-9,]+ MiB \\(this process\\); step [\\w.-]+ added most: [0-9,]+ -> [0-9,]+ MiB, (which ran alone|with \\d+ other steps? beside it).*"),
        first.toString());
    assertTrue(first.err().matches("(?s).*pretrain\\s+done\\s+train acc.*"), first.toString());

    CliRun second = CliRun.execute("run", TINY, "--data-dir", dataDir.toString());
    assertEquals(0, second.exitCode(), second.toString());
    assertTrue(second.out().contains("7 steps, 7 reused from cache"), second.toString());
    assertTrue(second.err().contains("reused from cache"), second.toString());

    CliRun fresh = CliRun.execute("run", TINY, "--data-dir", dataDir.toString(), "--no-cache");
    assertEquals(0, fresh.exitCode(), fresh.toString());
    assertTrue(fresh.out().contains("7 steps, 0 reused from cache"), fresh.toString());
  }
}
