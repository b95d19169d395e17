package dev.repflow.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.repflow.sweep.SweepSpec;
import dev.repflow.transfer.TransferEvalSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepConfigsTest {
  private static final String BASE =
      """
      pipeline: transfer
      experiment: sw
      pretrain: {classes: [0, 1], epochs: 1, batchSize: 8, learningRate: 0.01, seed: 7}
      evaluate: {classes: [3, 2]}
      """;

  @TempDir Path dir;

  @Test
  void theSectionVariesTheBaseSpec() throws IOException {
    Path file =
        write(BASE + "sweep: {seeds: {pretrain.seed: [1, 2]}, values: {evaluate.k: [3, 9]}}");
    SweepSection section = SweepConfigs.section(file).orElseThrow();
    TransferEvalSpec base = SweepConfigs.base(file, tree(file), TransferEvalSpec.class);
    SweepSpec sweep = SweepConfigs.spec(file, base, section, TransferEvalSpec.class);

    assertEquals(List.of(1, 2), sweep.seeds().get("pretrain.seed"));
    assertEquals(List.of(3, 9), sweep.values().get("evaluate.k"));
    Object seed = ((java.util.Map<?, ?>) sweep.base().get("pretrain")).get("seed");
    assertEquals(7L, ((Number) seed).longValue());
    assertEquals(4, sweep.parallelism());
    assertTrue(SweepConfigs.section(write(BASE)).isEmpty());
  }

  @Test
  void theShippedSweepConfigIsValid() {
    Path file = Path.of("../configs/fashion-mnist-transfer-sweep.yaml");
    var base = SweepConfigs.base(file, tree(file), TransferEvalSpec.class);
    SweepSpec sweep =
        SweepConfigs.spec(
            file, base, SweepConfigs.section(file).orElseThrow(), TransferEvalSpec.class);
    assertEquals(3, sweep.replicates());
    assertEquals(6, dev.repflow.sweep.SweepPoints.expand(sweep).size());
  }

  @Test
  void errorsNameTheFileTheSweepKeyAndThePoint() throws IOException {
    assertError(BASE + "sweep: {seedz: {pretrain.seed: [1]}}", "unknown key 'sweep.seedz'");
    assertError(
        BASE + "sweep: {seeds: {pretrain.seed: [1, 2], train.seed: [1]}}", "same number of seeds");
    assertError(
        BASE + "sweep: {values: {evaluate.kk: [3]}}",
        "sweep point 0 (evaluate.kk=3): unknown key 'evaluate.kk', did you mean 'k'?");
    assertError(
        BASE + "sweep: {values: {pretrain.epochs: [1, 0]}}", "sweep point 1 (pretrain.epochs=0)");
    assertError(BASE + "sweep: {values: {experiment: [a]}}", "'experiment' cannot be swept");
  }

  private static JsonNode tree(Path file) {
    return ConfigLoader.load(file, JsonNode.class);
  }

  private void assertError(String yaml, String part) throws IOException {
    Path file = write(yaml);
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> {
              var section = SweepConfigs.section(file).orElseThrow();
              var base = SweepConfigs.base(file, tree(file), TransferEvalSpec.class);
              SweepConfigs.spec(file, base, section, TransferEvalSpec.class);
            });
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  private Path write(String yaml) throws IOException {
    Path file = Files.createTempFile(dir, "sweep", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
