package dev.repflow.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootsTest {
  @TempDir Path dir;

  @Test
  void acceptsPathsUnderARootExistingOrNot() throws Exception {
    Path root = Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(root.resolve("fmnist"));
    DataRoots roots = DataRoots.of(List.of(root));

    assertDoesNotThrow(() -> roots.check("dataset.dir", root.resolve("fmnist").toString()));
    assertDoesNotThrow(() -> roots.check("dataset.dir", root.resolve("not/yet").toString()));
    assertDoesNotThrow(() -> roots.check("dataset.dir", root.toString()));
  }

  @Test
  void refusesOtherPathsDotDotAndLinksOutNamingKeyPathAndRoots() throws Exception {
    Path root = Files.createDirectories(dir.resolve("data"));
    Path outside = Files.createDirectories(dir.resolve("secret"));
    Files.createSymbolicLink(root.resolve("link"), outside);
    DataRoots roots = DataRoots.of(List.of(root));

    for (String path :
        List.of(
            "/etc",
            outside.toString(),
            root.resolve("../secret").toString(),
            root.resolve("link/model").toString(),
            dir.resolve("data-other").toString())) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> roots.check("torchscript", path));
      assertTrue(e.getMessage().startsWith("torchscript: " + path), e.getMessage());
      assertTrue(e.getMessage().contains(root.toRealPath().toString()), e.getMessage());
      assertTrue(e.getMessage().contains("--data-root"), e.getMessage());
    }
  }

  @Test
  void defaultsAreDebiansDatasetsAndTheWorkingDirectory() {
    DataRoots roots = DataRoots.defaults();

    assertDoesNotThrow(() -> roots.check("dataset.dir", DatasetSpec.FASHION_MNIST_DIR));
    assertDoesNotThrow(() -> roots.check("dataset.dir", "relative/under/cwd"));
    assertThrows(IllegalArgumentException.class, () -> roots.checkAll(Map.of("x", "/etc")));
  }
}
