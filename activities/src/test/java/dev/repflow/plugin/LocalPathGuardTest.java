package dev.repflow.plugin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.anchoring.CorruptionActivitiesImpl;
import dev.repflow.anchoring.CorruptionSpec;
import dev.repflow.data.DataActivitiesImpl;
import dev.repflow.data.DataRoots;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.ImageShape;
import dev.repflow.fungi.FungiEvalActivitiesImpl;
import dev.repflow.fungi.GradientActivitiesImpl;
import dev.repflow.models.BackboneRef;
import dev.repflow.models.ModelActivitiesImpl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which activity arguments the guard checks, found from the activity interfaces. */
class LocalPathGuardTest {
  @TempDir Path root;

  private LocalPathGuard guard() {
    return new LocalPathGuard(
        DataRoots.of(List.of(root)),
        List.of(
            DataActivitiesImpl.class,
            ModelActivitiesImpl.class,
            GradientActivitiesImpl.class,
            FungiEvalActivitiesImpl.class,
            CorruptionActivitiesImpl.class));
  }

  private DatasetSpec dataset(String dir) {
    return DatasetSpec.fashionMnist(dir, null, null);
  }

  @Test
  void checksDatasetAndCorruptionSpecsInAnyActivity() {
    LocalPathGuard guard = guard();
    String inside = root.resolve("fmnist").toString();

    assertDoesNotThrow(() -> guard.check("ExportPixels", new Object[] {null, dataset(inside)}));
    IllegalArgumentException dataset =
        assertThrows(
            IllegalArgumentException.class,
            () -> guard.check("ExportPixels", new Object[] {null, dataset("/etc")}));
    IllegalArgumentException corruption =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                guard.check(
                    "AnyType",
                    new Object[] {new CorruptionSpec(null, null, null, "/var/lib/cifar-c")}));

    assertTrue(dataset.getMessage().startsWith("dataset.dir: /etc is outside"));
    assertTrue(corruption.getMessage().startsWith("corruptions.dir: /var/lib/cifar-c"));
  }

  @Test
  void checksStringsWhereTheInterfaceMarksAPathAndTorchScriptBackbones() {
    LocalPathGuard guard = guard();
    var backbone =
        new BackboneRef.TorchScript(
            "/opt/evil", Map.of(), new ImageShape(3, 8, 8), "fc", List.of(2, 3), 2);

    IllegalArgumentException inspect =
        assertThrows(
            IllegalArgumentException.class,
            () -> guard.check("InspectTorchScript", new Object[] {null, "/opt/evil"}));
    IllegalArgumentException gradients =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                guard.check(
                    "FungiGradients",
                    new Object[] {
                      null, dataset(root.toString()), null, null, backbone, null, null, 8
                    }));

    assertTrue(inspect.getMessage().startsWith("torchscript: /opt/evil"), inspect.getMessage());
    assertTrue(gradients.getMessage().startsWith("torchscript: /opt/evil"), gradients.getMessage());
    // The same string in a parameter that is not a path is not checked.
    assertDoesNotThrow(() -> guard.check("FungiSummary", new Object[] {"/opt/evil"}));
  }
}
