package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anchoring pipeline through the CLI: train, corrupt, infer, report, on a tiny config. */
class AnchoringRunCommandTest {
  static final String TINY = "src/test/resources/configs/tiny-anchoring.yaml";

  @TempDir Path dataDir;

  @Test
  void trainsCorruptsInfersAndPrintsTheTableThenReusesEveryStep() {
    CliRun first = CliRun.execute("run", TINY, "--data-dir", dataDir.toString());

    assertEquals(0, first.exitCode(), first.toString());
    // The run wrote its report (a failed report step would not fail the run).
    assertTrue(first.out().contains("Report    s3://"), first.toString());
    assertTrue(first.out().contains("Started AnchoringWorkflow cli-anchoring-"), first.toString());
    for (String model : new String[] {"standard", "anchored-a0.00", "anchored-a0.25"}) {
      for (int severity = 0; severity <= 5; severity++) {
        assertTrue(
            first.out().matches("(?s).*\\n" + model + "\\s+" + severity + "\\s+0\\.\\d{4}.*"),
            model + " severity " + severity + " missing:\n" + first);
      }
    }
    assertTrue(first.out().contains("plot (SVG)"), first.toString());
    // 3 models, clean + 2 corruptions, 3 x 3 inferences, report.
    assertTrue(first.out().contains("16 steps, 0 reused from cache"), first.toString());

    CliRun second = CliRun.execute("run", TINY, "--data-dir", dataDir.toString());
    assertEquals(0, second.exitCode(), second.toString());
    assertTrue(second.out().contains("16 steps, 16 reused from cache"), second.toString());
  }

  @Test
  void anAlphaOutsideTheUnitIntervalIsRejectedBeforeAnythingRuns() throws Exception {
    Path config = dataDir.resolve("bad.yaml");
    Files.writeString(
        config, Files.readString(Path.of(TINY)).replace("alphas: [0.0, 0.25]", "alphas: [1.5]"));

    CliRun run = CliRun.execute("run", config.toString(), "--data-dir", dataDir.toString());

    assertEquals(RepflowCli.EXIT_FAILURE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("train.alphas: alpha 1.5 is outside [0, 1]"), run.toString());
  }
}
