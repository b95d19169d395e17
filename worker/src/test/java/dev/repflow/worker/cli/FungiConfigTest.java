package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.data.DataRoots;
import dev.repflow.fungi.DinoObjectiveSpec;
import dev.repflow.fungi.FungiSpec;
import dev.repflow.fungi.KlObjectiveSpec;
import dev.repflow.fungi.SimClrObjectiveSpec;
import dev.repflow.worker.config.ConfigException;
import dev.repflow.worker.config.Preflight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FUNGI objectives' config keys: the shipped configs, defaults, and bad values. */
class FungiConfigTest {
  @TempDir Path dir;

  @Test
  void shippedConfigsUseFungivisionsObjectiveSettings() {
    for (String name : List.of("fungi-fashion-mnist", "fungi-fashion-mnist-vit")) {
      FungiSpec spec = (FungiSpec) Pipelines.load(Path.of("../configs/" + name + ".yaml")).spec();
      assertEquals(
          List.of(
              KlObjectiveSpec.defaults(),
              DinoObjectiveSpec.defaults(),
              SimClrObjectiveSpec.defaults()),
          spec.gradients().objectives(),
          name);
    }
  }

  @Test
  void defaultsAreFungivisionsConfigs() {
    assertEquals(new KlObjectiveSpec(768, 1, 42L), KlObjectiveSpec.defaults());
    assertEquals(new DinoObjectiveSpec(2048, 0.07, 0.1, 10, 42L), DinoObjectiveSpec.defaults());
    assertEquals(new SimClrObjectiveSpec(96, 0.07, 4, 6, 64, 42L), SimClrObjectiveSpec.defaults());
  }

  @Test
  void badObjectiveSettingsNameTheKey() throws IOException {
    assertTrue(
        failure("{type: simclr, numPatches: 5}")
            .contains("objectives.simclr.numPatches must be a perfect square >= 4"));
    assertTrue(
        failure("{type: dino, localCrops: -1}")
            .contains("objectives.dino.localCrops must be positive, got -1"));
    assertTrue(
        failure("{type: dino, globalCrops: 2}")
            .endsWith(
                "unknown key 'gradients.objectives[0].globalCrops' (line 19), did you mean"
                    + " 'localCrops'? known keys here: headDim, teacherTemperature,"
                    + " studentTemperature, localCrops, seed"));
  }

  @Test
  void patchesThatDoNotFitTheImagesFailBeforeAnythingStarts() throws IOException {
    Path config = write("{type: simclr, numPatches: 9}");
    FungiSpec spec = (FungiSpec) Pipelines.load(config).spec();

    var e =
        assertThrows(
            ConfigException.class, () -> Preflight.check(config, spec, DataRoots.defaults()));

    assertEquals(
        config
            + ": objectives.simclr.numPatches 9: its square root 3 must divide the image side 28",
        e.getMessage());
  }

  private String failure(String objective) throws IOException {
    Path config = write(objective);
    return assertThrows(ConfigException.class, () -> Pipelines.load(config)).getMessage();
  }

  private Path write(String objective) throws IOException {
    Path config = dir.resolve("fungi.yaml");
    String tiny = Files.readString(Path.of(FungiRunCommandTest.TINY));
    String objectives = tiny.substring(tiny.indexOf("  objectives:"), tiny.indexOf("evaluate:"));
    Files.writeString(config, tiny.replace(objectives, "  objectives:\n    - " + objective + "\n"));
    return config;
  }
}
