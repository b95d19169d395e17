package dev.repflow.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
