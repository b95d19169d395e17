package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FUNGI pipeline through the CLI's main entry, then again from the cache; bad settings. */
class FungiRunCommandTest {
  static final String TINY = "src/test/resources/configs/tiny-fungi.yaml";

  @TempDir Path dataDir;

  @Test
  void runsEveryCombinationThenReusesEveryStep() {
    CliRun first = CliRun.execute("run", TINY, "--data-dir", dataDir.toString());

    assertEquals(0, first.exitCode(), first.toString());
    // The run wrote its report (a failed report step would not fail the run).
    assertTrue(first.out().contains("Report    s3://"), first.toString());
    assertTrue(first.out().contains("Started FungiWorkflow cli-fungi-"), first.toString());
    for (String row :
        new String[] {"embeddings", "\\+kl", "\\+kl\\+dino", "\\+kl\\+dino\\+simclr", "simclr"}) {
      assertTrue(
          first.out().matches("(?s).*\\n" + row + "\\s+\\d+\\s+\\d+\\s+0\\.\\d{4}.*"),
          row + " missing: " + first);
    }
    assertTrue(first.out().contains("Gradients of layer fc (6288 values)"), first.toString());
    assertTrue(first.out().contains("18 steps, 0 reused from cache"), first.toString());

    CliRun second = CliRun.execute("run", TINY, "--data-dir", dataDir.toString());
    assertEquals(0, second.exitCode(), second.toString());
    assertTrue(second.out().contains("18 steps, 18 reused from cache"), second.toString());
  }

  @Test
  void runsOnATorchScriptBackboneExportedByTheHelper() throws Exception {
    Path parts = dataDir.resolve("exported");
    Process export =
        new ProcessBuilder(
                "/usr/bin/python3", "../tools/fungi_export.py", "--demo", parts.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, export.waitFor(), "export failed (needs python3-torch): " + log);
    Path config = dataDir.resolve("torchscript.yaml");
    String tiny = Files.readString(Path.of(TINY));
    String withoutPretrain =
        tiny.substring(0, tiny.indexOf("pretrain:")) + tiny.substring(tiny.indexOf("gradients:"));
    Files.writeString(
        config,
        withoutPretrain.replace("experiment: cli-fungi", "experiment: cli-fungi-ts")
            + "torchscript: "
            + parts
            + "\n");

    CliRun run = CliRun.execute("run", config.toString(), "--data-dir", dataDir.toString());

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("TorchScript backbone " + parts), run.toString());
    assertTrue(run.out().contains("Gradients of layer 4 (12560 values)"), run.toString());
    assertTrue(
        run.out().matches("(?s).*\\n\\+kl\\+dino\\+simclr\\s+64\\s+64\\s+0\\.\\d{4}.*"),
        run.toString());
    assertTrue(run.out().contains("18 steps, 0 reused from cache"), run.toString());
  }

  @Test
  void unknownLayerFailsBeforeAnyTrainingAndListsTheLinearLayers() throws Exception {
    Path config = dataDir.resolve("bad-layer.yaml");
    Files.writeString(
        config,
        Files.readString(Path.of(TINY)).replace("gradients:\n", "gradients:\n  layer: attn\n"));

    CliRun run = CliRun.execute("run", config.toString(), "--data-dir", dataDir.toString());

    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.err().contains("linear layers: [fc]"), run.toString());
    assertTrue(!run.err().matches("(?s).*pretrain\\s+done.*"), run.toString());
  }

  @Test
  void unknownObjectiveIsAConfigError() throws Exception {
    Path config = dataDir.resolve("bad-objective.yaml");
    Files.writeString(
        config, Files.readString(Path.of(TINY)).replace("{type: kl,", "{type: byol,"));

    CliRun run = CliRun.execute("run", config.toString(), "--data-dir", dataDir.toString());

    assertTrue(run.exitCode() != 0, run.toString());
    assertTrue(run.err().contains("byol"), run.toString());
  }
}
