package dev.repflow.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.transfer.TransferEvalSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String MINIMAL =
      """
      experiment: tiny
      pretrain:
        classes: [0, 1]
        epochs: 1
        batchSize: 8
        learningRate: 0.01
        seed: 7
      evaluate:
        classes: [3, 2]
      """;

  @TempDir Path dir;

  @Test
  void loadsTheShippedConfig() {
    TransferEvalSpec spec =
        ConfigLoader.load(
            Path.of("../configs/fashion-mnist-transfer.yaml"), TransferEvalSpec.class);

    assertEquals("fashion-mnist-transfer", spec.experiment());
    assertEquals("/usr/share/datasets/fashion-mnist", spec.dataset().dir());
    assertNull(spec.dataset().trainPerClass());
    assertEquals("cnn-w32-e128", spec.model().label());
    assertEquals(List.of(0, 1, 2, 3, 4), spec.pretrain().classes());
    assertEquals(128, spec.pretrain().batchSize());
    assertEquals(0.001, spec.pretrain().learningRate());
    assertEquals(List.of(5, 6, 7, 8, 9), spec.evaluate().classes());
    assertEquals(20, spec.evaluate().k());
    assertTrue(spec.evaluate().pixelBaseline());
  }

  @Test
  void appliesDefaults() throws IOException {
    TransferEvalSpec spec = ConfigLoader.load(write(MINIMAL), TransferEvalSpec.class);

    assertEquals("fashion-mnist", spec.dataset().name());
    assertEquals("cnn-w32-e128", spec.model().label());
    assertEquals(List.of(2, 3), spec.evaluate().classes());
    assertEquals(20, spec.evaluate().k());
    assertTrue(spec.evaluate().pixelBaseline());
    assertTrue(spec.useCache());
  }

  @Test
  void unknownKeyNamesPathLineAndSuggestion() throws IOException {
    String message = failure(MINIMAL.replace("epochs: 1", "epoch: 1"));

    assertEquals(
        "x.yaml: unknown key 'pretrain.epoch' (line 4), did you mean 'epochs'?"
            + " known keys here: classes, epochs, batchSize, learningRate, seed",
        message);
  }

  @Test
  void unknownKeyWithoutCloseMatchListsKnownKeys() throws IOException {
    String message = failure(MINIMAL + "colour: blue\n");

    assertEquals(
        "x.yaml: unknown key 'colour' (line 10); known keys here:"
            + " pipeline, experiment, dataset, model, pretrain, evaluate, useCache",
        message);
  }

  @Test
  void wrongTypeNamesKeyExpectedTypeAndValue() throws IOException {
    assertEquals(
        "x.yaml: pretrain.epochs: expected an integer, got 'two' (line 4)",
        failure(MINIMAL.replace("epochs: 1", "epochs: two")));
    assertEquals(
        "x.yaml: pretrain.epochs: expected an integer, got '1' (line 4)",
        failure(MINIMAL.replace("epochs: 1", "epochs: '1'")));
    assertEquals(
        "x.yaml: pretrain.epochs: expected an integer, got 1.5 (line 4)",
        failure(MINIMAL.replace("epochs: 1", "epochs: 1.5")));
    assertEquals(
        "x.yaml: evaluate.classes: expected a list, got 3 (line 9)",
        failure(MINIMAL.replace("classes: [3, 2]", "classes: 3")));
  }

  @Test
  void explicitNullForANumberFails() throws IOException {
    assertEquals(
        "x.yaml: pretrain.epochs: expected an integer, got null (line 4)",
        failure(MINIMAL.replace("epochs: 1", "epochs: ~")));
  }

  @Test
  void constructorValidationNamesTheKey() throws IOException {
    assertEquals(
        "x.yaml: evaluate.classes: unknown class id 12 (valid: 0..9)",
        failure(MINIMAL.replace("[3, 2]", "[3, 12]")));
    assertEquals(
        "x.yaml: pretrain.epochs must be in 1..1000, got 0",
        failure(MINIMAL.replace("epochs: 1", "epochs: 0")));
  }

  @Test
  void duplicateKeyFails() throws IOException {
    String message = failure(MINIMAL + "experiment: again\n");

    assertEquals("x.yaml: Duplicate field 'experiment' (line 10)", message);
  }

  @Test
  void yamlSyntaxErrorGivesLineAndColumn() throws IOException {
    String message = failure(MINIMAL.replace("classes: [3, 2]", "classes: [3, 2"));

    assertEquals(
        "x.yaml: YAML syntax error at line 10, column 1: expected ',' or ']', but got <stream end>",
        message);
  }

  @Test
  void emptyAndMissingFiles() throws IOException {
    assertEquals("x.yaml: file is empty", failure(""));
    Path missing = dir.resolve("nope.yaml");
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> ConfigLoader.load(missing, TransferEvalSpec.class));
    assertEquals(missing + ": file not found", e.getMessage());
  }

  private String failure(String yaml) throws IOException {
    Path file = write(yaml);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(file, TransferEvalSpec.class));
    String message = e.getMessage().replace(file.toString(), "x.yaml");
    assertFalse(message.contains("\n"), "one line: " + message);
    return message;
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("x.yaml"), yaml);
  }
}
