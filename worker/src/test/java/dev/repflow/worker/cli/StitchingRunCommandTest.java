package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stitching pipeline end to end through the CLI on a tiny config, then from the cache. */
class StitchingRunCommandTest {
  static final String TINY = "src/test/resources/configs/tiny-stitching.yaml";

  @TempDir Path dataDir;

  @Test
  void runsEveryStepPrintsTheTablesThenReusesEveryStep() {
    CliRun first = CliRun.execute("run", TINY, "--data-dir", dataDir.toString());

    assertEquals(0, first.exitCode(), first.toString());
    // The run wrote its report (a failed report step would not fail the run).
    assertTrue(first.out().contains("Report    s3://"), first.toString());
    assertTrue(first.out().contains("Started StitchingWorkflow cli-stitch-"), first.toString());
    String out = first.out();
    assertTrue(
        out.matches(
            "(?s).*pair\\s+kind\\s+f acc\\s+g acc\\s+direct\\s+direct-r2\\s+direct-r4"
                + "\\s+task-random\\s+task-direct.*"),
        out);
    assertTrue(out.matches("(?s).*A\\.pool1->B\\.pool2\\s+conv1x1\\s+0\\.\\d{4}.*"), out);
    assertTrue(out.matches("(?s).*A\\.fc->B\\.fc\\s+linear\\s+0\\.\\d{4}.*"), out);
    assertTrue(out.contains("Linear probe test accuracy by retained rank"), out);
    assertTrue(out.contains("Linear CKA by retained rank"), out);
    assertTrue(out.contains("Orthogonal Procrustes distance"), out);
    assertTrue(out.matches("(?s).*B\\.pool2\\s+0\\.\\d{4}\\s+0\\.\\d{4}.*"), out); // detector row
    // Which classes fine-tuned the detectors and which evaluated them, and the stitched scores.
    assertTrue(out.contains("energy fine-tuning against classes [7] (train split"), out);
    assertTrue(out.contains(" vs classes [8] (test split"), out);
    assertTrue(out.contains("on stitched vs g's own test activations: AUROC"), out);
    assertTrue(out.contains("FPR95: share of stitched activations accepted as ID"), out);
    assertTrue(out.contains("Plot      s3://repflow/cli-stitch/plot/"), out);
    assertTrue(out.contains("11 steps, 0 reused from cache"), out);

    CliRun second = CliRun.execute("run", TINY, "--data-dir", dataDir.toString());
    assertEquals(0, second.exitCode(), second.toString());
    assertTrue(second.out().contains("11 steps, 11 reused from cache"), second.toString());
  }
}
