package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.transfer.TransferEvalSpec;
import dev.repflow.worker.config.ConfigLoader;
import dev.repflow.worker.config.JsonSpecs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpecCommandTest {

  @Test
  void printsTheWorkflowInputThatTheConfigDescribes() {
    CliRun run = CliRun.execute("spec", "../configs/fashion-mnist-transfer.yaml");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.err().contains("workflow type: TransferEvalWorkflow"), run.toString());
    assertTrue(run.err().contains("task queue:    repflow-cpu"), run.toString());
    assertEquals(
        ConfigLoader.load(
            Path.of("../configs/fashion-mnist-transfer.yaml"), TransferEvalSpec.class),
        JsonSpecs.fromJson(run.out(), TransferEvalSpec.class));
  }
}
