package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.stitching.StitchingSpec;
import dev.repflow.worker.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StitchingConfigTest {
  @TempDir Path dir;

  @Test
  void loadsTheShippedConfigThroughThePipelineRegistry() {
    var loaded = Pipelines.load(Path.of("../configs/stitching-fashion-mnist.yaml"));

    assertEquals(Pipelines.STITCHING, loaded.pipeline());
    StitchingSpec spec = (StitchingSpec) loaded.spec();
    assertEquals(List.of(0, 1, 2, 3, 4), spec.classes());
    assertEquals(3, spec.models().size());
    assertEquals(100, spec.stitch().samples());
    assertEquals(List.of("random", "direct"), spec.stitch().taskLoss().inits());
    assertEquals(List.of(5, 6, 7), spec.ood().exposure().classes());
    assertEquals(List.of(8, 9), spec.ood().test().classes());
    assertTrue(spec.pairs().stream().anyMatch(p -> p.label().equals("A.pool1->B.pool2")));
  }

  @Test
  void aPairNamingAnUnknownModelIsAOneLineError() throws IOException {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(
        config,
        """
        pipeline: stitching
        experiment: bad
        classes: [0, 1]
        pretrain: {epochs: 1, batchSize: 8, learningRate: 0.01}
        models:
          - {name: A, seed: 1}
        pairs:
          - {front: A, frontLayer: fc, end: B, endLayer: fc}
        """);

    var e = assertThrows(ConfigException.class, () -> Pipelines.load(config));

    assertTrue(
        e.getMessage().contains("pairs[0].end: unknown model 'B' (models: [A])"), e.getMessage());
  }

  @Test
  void outliersOverlappingBetweenFineTuningAndTestingAreAOneLineError() throws IOException {
    Path config = dir.resolve("overlap.yaml");
    Files.writeString(
        config,
        """
        pipeline: stitching
        experiment: overlap
        classes: [0, 1]
        pretrain: {epochs: 1, batchSize: 8, learningRate: 0.01}
        models:
          - {name: A, seed: 1}
        ood:
          exposure: {classes: [5, 6]}
          test: {classes: [6, 7]}
        """);

    var e = assertThrows(ConfigException.class, () -> Pipelines.load(config));

    assertTrue(
        e.getMessage()
            .contains(
                "ood.exposure.classes [5, 6] and ood.test.classes [6, 7] share [6]: the detector"
                    + " would be evaluated on classes it was fine-tuned against"),
        e.getMessage());
  }
}
