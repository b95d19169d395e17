package dev.repflow.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonArtifactsTest {
  record Metrics(double accuracy, Map<String, Double> perClass) {}

  record Other(String name) {}

  @TempDir Path root;

  @Test
  void writesPrettyJsonAndReadsItBack() throws Exception {
    LocalArtifactStore store = new LocalArtifactStore(root, "bucket");
    Metrics metrics = new Metrics(0.75, Map.of("0", 0.5, "1", 1.0));
    ArtifactRef ref = JsonArtifacts.put(store, "exp/eval/m.json", metrics);

    assertEquals("json", ref.format());
    assertTrue(Files.readString(root.resolve("bucket/exp/eval/m.json")).contains("\n"));
    assertEquals(metrics, JsonArtifacts.read(store, ref, Metrics.class));
  }

  @Test
  void mapEntriesAreWrittenInKeyOrderSoTheBytesRepeatInEveryJvm() throws Exception {
    LocalArtifactStore store = new LocalArtifactStore(root, "bucket");
    Map<String, Double> perClass = new HashMap<>(Map.of("a", 1.0, "m", 2.0, "z", 3.0));
    // HashMap iterates by hash bucket: a (97 -> 1), z (122 -> 10), m (109 -> 13).
    assertEquals(List.of("a", "z", "m"), List.copyOf(perClass.keySet()));

    JsonArtifacts.put(store, "exp/eval/m.json", new Metrics(0.5, perClass));

    String json = Files.readString(root.resolve("bucket/exp/eval/m.json"));
    assertTrue(json.indexOf("\"a\"") < json.indexOf("\"m\""), json);
    assertTrue(json.indexOf("\"m\"") < json.indexOf("\"z\""), json);
  }

  @Test
  void jsonOfAnotherTypeIsNamed() {
    LocalArtifactStore store = new LocalArtifactStore(root, "bucket");
    ArtifactRef ref = JsonArtifacts.put(store, "exp/eval/o.json", new Other("x"));
    ArtifactFormatException e =
        assertThrows(
            ArtifactFormatException.class, () -> JsonArtifacts.read(store, ref, Metrics.class));
    assertTrue(e.getMessage().contains(ref.uri()), e.getMessage());
    assertEquals(List.of(), ref.shape());
  }
}
