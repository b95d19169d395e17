package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collapse and imprinting through the CLI's main entry on tiny configs; the second pipeline reuses
 * the first one's pretraining from the cache, and a repeated imprinting run is fully memoized.
 */
class MethodPipelinesRunTest {
  static final String COLLAPSE = "src/test/resources/configs/tiny-collapse.yaml";
  static final String IMPRINTING = "src/test/resources/configs/tiny-imprinting.yaml";

  @TempDir Path dataDir;

  @Test
  void collapseThenImprintingEndToEnd() {
    CliRun collapse = CliRun.execute("run", COLLAPSE, "--data-dir", dataDir.toString());
    assertEquals(0, collapse.exitCode(), collapse.toString());
    // The run wrote its report (a failed report step would not fail the run).
    assertTrue(collapse.out().contains("Report    s3://"), collapse.toString());
    assertTrue(collapse.out().contains("Started CollapseWorkflow cli-test-"), collapse.toString());
    assertTrue(
        collapse.out().matches("(?s).*NC1 pinv.*NC4 NCC agreement.*NC5 OOD.*"),
        collapse.toString());

    CliRun imprinting = CliRun.execute("run", IMPRINTING, "--data-dir", dataDir.toString());
    assertEquals(0, imprinting.exitCode(), imprinting.toString());
    // The run wrote its report (a failed report step would not fail the run).
    assertTrue(imprinting.out().contains("Report    s3://"), imprinting.toString());
    assertTrue(imprinting.out().contains("8 imprinting runs"), imprinting.toString());
    assertTrue(imprinting.out().contains("Friedman chi2"), imprinting.toString());
    assertTrue(imprinting.err().matches("(?s).*pretrain\\s+reused.*"), imprinting.toString());

    CliRun again = CliRun.execute("run", IMPRINTING, "--data-dir", dataDir.toString());
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(again.out().contains("8 memoized"), again.toString());
  }
}
