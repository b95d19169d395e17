package dev.repflow.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeysTest {
  /** Components deliberately out of alphabetical order. */
  record KnnParams(int k, String metric, Map<String, Double> weights) {}

  private static final KnnParams PARAMS = new KnnParams(20, "euclidean", Map.of("a", 1.0));
  private static final ArtifactRef TRAIN = ref("a".repeat(64));
  private static final ArtifactRef TEST = ref("b".repeat(64));

  private static ArtifactRef ref(String sha256) {
    return new ArtifactRef("s3://b/exp/embed/x.h5", sha256, 10, List.of(2L, 3L), "hdf5");
  }

  private static String key(int version, Object params, List<ArtifactRef> inputs) {
    return CacheKeys.key("exp", "knn", version, params, inputs, "json");
  }

  @Test
  void sameInputsGiveTheSameKey() {
    String key = key(1, PARAMS, List.of(TRAIN, TEST));
    assertEquals(
        key, key(1, new KnnParams(20, "euclidean", Map.of("a", 1.0)), List.of(TRAIN, TEST)));
    assertTrue(key.matches("exp/knn/[0-9a-f]{32}\\.json"), key);
  }

  @Test
  void anythingThatChangesTheOutputChangesTheKey() {
    String key = key(1, PARAMS, List.of(TRAIN, TEST));
    assertNotEquals(
        key, key(1, new KnnParams(10, "euclidean", Map.of("a", 1.0)), List.of(TRAIN, TEST)));
    assertNotEquals(key, key(2, PARAMS, List.of(TRAIN, TEST)));
    assertNotEquals(key, key(1, PARAMS, List.of(TRAIN, ref("c".repeat(64)))));
    assertNotEquals(key, key(1, PARAMS, List.of(TEST, TRAIN)));
    assertNotEquals(key, CacheKeys.key("exp", "probe", 1, PARAMS, List.of(TRAIN, TEST), "json"));
  }

  @Test
  void mapOrderAndRecordComponentOrderAreIrrelevant() {
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("metric", "euclidean");
    ab.put("k", 20);
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("k", 20);
    ba.put("metric", "euclidean");
    assertEquals(key(1, ab, List.of()), key(1, ba, List.of()));
    assertEquals(
        "{\"k\":20,\"metric\":\"euclidean\",\"weights\":{\"a\":1.0,\"b\":2.0}}",
        CacheKeys.canonicalJson(new KnnParams(20, "euclidean", Map.of("b", 2.0, "a", 1.0))));
  }

  @Test
  void keySegmentsAreValidated() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CacheKeys.key("exp", "a/b", 1, PARAMS, List.of(), "json"));
    assertThrows(
        IllegalArgumentException.class,
        () -> CacheKeys.key("exp", "knn", 1, PARAMS, List.of(), ".json"));
  }
}
