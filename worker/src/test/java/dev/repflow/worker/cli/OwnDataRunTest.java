package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.repflow.data.SampleDatasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every pipeline through the CLI on 32x32 RGB data in a format other than FashionMNIST's, written
 * by {@code tools/sample_datasets.py} from real FashionMNIST images: the tiny test configs with
 * only their {@code dataset} section pointed at the files.
 */
class OwnDataRunTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir static Path data;
  @TempDir Path dataDir;

  @BeforeAll
  static void writeDatasets() {
    SampleDatasets.write("imagefolder", data.resolve("folder"), 10, 20, 6, "--ext", "jpg");
    SampleDatasets.write("cifar10", data.resolve("cifar"), 10, 40, 10);
    SampleDatasets.write("npy", data.resolve("npy"), 10, 40, 10);
  }

  @Test
  void transferOnAJpegFolder() throws IOException {
    CliRun run = runOn("tiny-transfer", "imagefolder", "folder");
    assertTrue(run.out().contains("kNN"), run.toString());
  }

  @Test
  void fungiOnAJpegFolder() throws IOException {
    CliRun run = runOn("tiny-fungi", "imagefolder", "folder");
    assertTrue(run.out().contains("kl"), run.toString());
  }

  @Test
  void collapseAndImprintingOnCifarBinaries() throws IOException {
    CliRun collapse = runOn("tiny-collapse", "cifar10", "cifar");
    assertTrue(collapse.out().contains("NC1"), collapse.toString());
    CliRun imprinting = runOn("tiny-imprinting", "cifar10", "cifar");
    assertTrue(imprinting.out().contains("imprinting runs"), imprinting.toString());
  }

  @Test
  void anchoringWithTheCifarResNet18OnCifarBinaries() throws IOException {
    CliRun anchoring =
        runOn(
            "tiny-anchoring",
            "cifar10",
            "cifar",
            tree -> {
              tree.set("model", YAML.createObjectNode().put("arch", "resnet18").put("width", 4));
              ((ObjectNode) tree.get("dataset")).put("trainPerClass", 8).put("testPerClass", 2);
              ((ObjectNode) tree.get("corruptions")).putArray("types").add("fog");
            });
    assertTrue(anchoring.out().contains("Models (resnet18-w4-e32"), anchoring.toString());
    assertTrue(anchoring.out().contains("anchored-a0.25         5"), anchoring.toString());
  }

  @Test
  void stitchingOnNpyArrays() throws IOException {
    CliRun stitching = runOn("tiny-stitching", "npy", "npy");
    assertTrue(stitching.out().contains("Report    s3://"), stitching.toString());
  }

  private CliRun runOn(String config, String format, String folder) throws IOException {
    return runOn(config, format, folder, tree -> {});
  }

  /** Runs a tiny test config with its dataset replaced and {@code tweak} applied. */
  private CliRun runOn(String config, String format, String folder, Consumer<ObjectNode> tweak)
      throws IOException {
    ObjectNode tree =
        (ObjectNode)
            YAML.readTree(Path.of("src/test/resources/configs", config + ".yaml").toFile());
    ObjectNode dataset = (ObjectNode) tree.get("dataset");
    dataset.put("format", format).put("dir", data.resolve(folder).toString());
    tree.put("experiment", config + "-" + format);
    tweak.accept(tree);
    Path file = dataDir.resolve(config + ".yaml");
    YAML.writeValue(file.toFile(), tree);
    CliRun run =
        CliRun.execute(
            "run",
            file.toString(),
            "--data-dir",
            dataDir.toString(),
            "--data-root",
            data.toString());
    assertEquals(0, run.exitCode(), run.toString());
    return run;
  }
}
