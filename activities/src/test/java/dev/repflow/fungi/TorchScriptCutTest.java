package dev.repflow.fungi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import dev.repflow.data.ImageSet;
import dev.repflow.data.Split;
import dev.repflow.models.GradMode;
import dev.repflow.models.TorchScriptParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small CNN exported by tools/fungi_export.py with Debian's torch (python3-torch), loaded as
 * three TorchScript parts: the per-sample gradients match single-sample backward passes through
 * them.
 */
class TorchScriptCutTest {
  private static final ImageSet IMAGES =
      Datasets.load(DatasetSpec.fashionMnist(null, 2, null), Split.TRAIN, List.of(0, 1, 2));

  @TempDir static Path exported;

  @BeforeAll
  static void exportDemoModel() throws Exception {
    DemoTorchScript.exportTo(exported);
  }

  @Test
  void perSampleGradientsThroughTorchScriptPartsMatchSingleSampleBackwardPasses() {
    try (NDManager manager = NDManager.newBaseManager();
        TorchScriptCut cut = DemoTorchScript.cut(exported)) {
      GradMode.offOnThisThread();
      assertEquals(new Shape(16, 4 * 14 * 14), cut.weightShape());
      for (ObjectiveSpec spec :
          List.of(
              new KlObjectiveSpec(32, 1, 42L), new SimClrObjectiveSpec(16, 0.07, 4, 3, 3, 42L))) {
        double worst = PerSampleGradientTest.worstRelativeError(manager, cut, spec, 16, IMAGES);
        assertTrue(worst < 1e-4, spec.name() + ": max relative error " + worst);
      }
    }
  }

  @Test
  void missingPartIsNamed() throws Exception {
    Path dir = Files.createTempDirectory(exported, "partial");
    for (String part : List.of("front.pt", "tail.pt", "parts.json")) {
      Files.copy(exported.resolve(part), dir.resolve(part));
    }
    Files.writeString(dir.resolve("layer.pt"), "not a model");
    var e = assertThrows(IllegalArgumentException.class, () -> TorchScriptParts.inspect(dir));
    assertTrue(e.getMessage().contains("layer.pt"), e.getMessage());
  }
}
