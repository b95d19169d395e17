package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.transfer.TransferEvalSpec;
import dev.repflow.worker.config.ConfigLoader;
import dev.repflow.worker.config.JsonSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /**
   * Spec records are the config schema: renaming a section's type must not change its keys. The
   * image-folder configs point at a folder that users create; binding reads its class folders.
   */
  @Test
  void everyCommittedConfigBinds(@TempDir Path dir) throws IOException {
    Path images = dir.resolve("images");
    for (String split : List.of("train", "test")) {
      for (String name : List.of("cat", "dog", "owl")) {
        Files.createDirectories(images.resolve(split).resolve(name));
      }
    }
    List<Path> configs;
    try (Stream<Path> files = Files.list(Path.of("../configs"))) {
      configs = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(configs.size() >= 10, configs.toString());
    for (Path config : configs) {
      Path bound = dir.resolve(config.getFileName());
      Files.writeString(
          bound,
          Files.readString(config).replace(".repflow/samples/imagefolder", images.toString()));
      assertNotNull(Pipelines.load(bound).spec(), config.toString());
    }
  }
}
