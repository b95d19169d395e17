package dev.repflow.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepSpecTest {
  static Map<String, Object> base() {
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("pipeline", "transfer");
    base.put("experiment", "sw");
    base.put(
        "pretrain",
        new LinkedHashMap<>(
            Map.of(
                "classes",
                List.of(4, 5, 6),
                "epochs",
                2,
                "batchSize",
                8,
                "learningRate",
                0.01,
                "seed",
                1)));
    base.put("evaluate", new LinkedHashMap<>(Map.of("classes", List.of(0, 1, 2, 3))));
    return base;
  }

  static SweepSpec spec(Map<String, List<Object>> seeds, Map<String, List<Object>> values) {
    return new SweepSpec(base(), seeds, values, 0, 0, null);
  }

  @Test
  void gridGroupsVarySlowestAndSeedsFastest() {
    var seeds = new LinkedHashMap<String, List<Object>>();
    seeds.put("pretrain.seed", List.of(1, 2));
    seeds.put("train.seed", List.of(11, 12));
    var values = new LinkedHashMap<String, List<Object>>();
    values.put("evaluate.k", List.of(5, 20));
    values.put("pretrain.epochs", List.of(1, 3));
    List<SweepPoint> points = SweepPoints.expand(spec(seeds, values));

    assertEquals(8, points.size());
    assertEquals("evaluate.k=5, pretrain.epochs=1", points.get(0).group());
    assertEquals(
        "evaluate.k=5, pretrain.epochs=1, pretrain.seed=2, train.seed=12", points.get(1).label());
    assertEquals("evaluate.k=5, pretrain.epochs=3", points.get(2).group());
    assertEquals("evaluate.k=20, pretrain.epochs=3", points.get(7).group());
    assertEquals(7, points.get(7).index());
  }

  @Test
  void seedsOnlyMakeOneGroup() {
    var points = SweepPoints.expand(spec(Map.of("pretrain.seed", List.of(1, 2, 3)), null));
    assertEquals(3, points.size());
    assertTrue(points.stream().allMatch(p -> p.group().equals(SweepPoints.ALL)));
  }

  @Test
  void applySetsNestedKeysOnACopy() {
    Map<String, Object> base = base();
    Map<String, Object> spec = SweepPoints.apply(base, Map.of("pretrain.seed", 9, "evaluate.k", 5));
    assertEquals(9, ((Map<?, ?>) spec.get("pretrain")).get("seed"));
    assertEquals(2, ((Map<?, ?>) spec.get("pretrain")).get("epochs"));
    assertEquals(5, ((Map<?, ?>) spec.get("evaluate")).get("k"));
    assertEquals(1, ((Map<?, ?>) base.get("pretrain")).get("seed"), "base unchanged");
  }

  @Test
  void errorsNameTheSweepKey() {
    assertMessage(
        "same number of seeds",
        () -> spec(Map.of("a.seed", List.of(1, 2), "b.seed", List.of(1)), null));
    assertMessage(
        "under both seeds and values",
        () -> spec(Map.of("a.seed", List.of(1)), Map.of("a.seed", List.of(2))));
    assertMessage("at least one key", () -> spec(null, null));
    assertMessage("sweep.values.evaluate.k", () -> spec(null, Map.of("evaluate.k", List.of())));
    assertMessage("cannot be swept", () -> spec(null, Map.of("experiment", List.of("x"))));
    assertMessage("dotted config key", () -> spec(null, Map.of("a..b", List.of(1))));
    Map<String, Object> unknown = base();
    unknown.put("pipeline", "nope");
    assertMessage(
        "pipeline: expected one of",
        () -> new SweepSpec(unknown, Map.of("x", List.of(1)), null, 0, 0, null));
    assertMessage("not a section", () -> SweepPoints.apply(base(), Map.of("experiment.x", 1)));
  }

  private static void assertMessage(String part, Runnable r) {
    var e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
