package dev.repflow.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.transfer.TransferEvalSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSpecsTest {
  private static final TransferEvalSpec SPEC =
      ConfigLoader.load(Path.of("../configs/fashion-mnist-transfer.yaml"), TransferEvalSpec.class);

  @Test
  void writesCamelCaseJsonWithoutUnsetFields() {
    String json = JsonSpecs.toJson(SPEC);

    assertTrue(json.contains("\"batchSize\" : 128"), json);
    assertTrue(json.contains("\"pixelBaseline\" : true"), json);
    assertFalse(json.contains("trainPerClass"), json);
  }

  @Test
  void roundTripsThroughStringAndFile(@TempDir Path dir) {
    assertEquals(SPEC, JsonSpecs.fromJson(JsonSpecs.toJson(SPEC), TransferEvalSpec.class));

    Path file = dir.resolve("spec.json");
    JsonSpecs.write(file, SPEC);
    assertEquals(SPEC, JsonSpecs.read(file, TransferEvalSpec.class));
    // JSON is YAML: the config loader reads spec files too.
    assertEquals(SPEC, ConfigLoader.load(file, TransferEvalSpec.class));
  }

  @Test
  void readingIsStrict() {
    String json = JsonSpecs.toJson(SPEC).replace("\"k\" : 20", "\"k\" : \"20\"");

    ConfigException e =
        assertThrows(ConfigException.class, () -> JsonSpecs.fromJson(json, TransferEvalSpec.class));
    assertTrue(
        e.getMessage()
            .startsWith("JSON TransferEvalSpec: evaluate.k: expected an integer, got '20'"),
        e.getMessage());
  }
}
