package dev.repflow.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Expands a sweep into points and builds each point's spec. Deterministic (used in workflow code):
 * grid keys vary in the order given, the first slowest; replicates vary fastest.
 */
public final class SweepPoints {
  /** Group name when only seeds vary. */
  public static final String ALL = "all";

  private SweepPoints() {}

  public static List<SweepPoint> expand(SweepSpec spec) {
    List<Map<String, Object>> groups = new ArrayList<>();
    groups.add(new LinkedHashMap<>());
    for (var entry : spec.values().entrySet()) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> group : groups) {
        for (Object value : entry.getValue()) {
          Map<String, Object> extended = new LinkedHashMap<>(group);
          extended.put(entry.getKey(), value);
          next.add(extended);
        }
      }
      groups = next;
    }
    List<SweepPoint> points = new ArrayList<>();
    for (Map<String, Object> group : groups) {
      String groupLabel = group.isEmpty() ? ALL : label(group);
      for (int r = 0; r < spec.replicates(); r++) {
        Map<String, Object> params = new LinkedHashMap<>(group);
        for (var seed : spec.seeds().entrySet()) {
          params.put(seed.getKey(), seed.getValue().get(r));
        }
        points.add(new SweepPoint(points.size(), groupLabel, params));
      }
    }
    return points;
  }

  /**
   * A deep copy of {@code base} with each dotted key of {@code params} set; missing sections are
   * created (the pipeline's spec then applies its usual defaults and checks).
   *
   * @throws IllegalArgumentException when a key runs through a value that is not a section
   */
  public static Map<String, Object> apply(Map<String, Object> base, Map<String, Object> params) {
    Map<String, Object> spec = deepCopy(base);
    params.forEach(
        (key, value) -> {
          String[] parts = key.split("\\.");
          Map<String, Object> section = spec;
          for (int i = 0; i < parts.length - 1; i++) {
            Object child = section.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
            if (!(child instanceof Map)) {
              throw new IllegalArgumentException(
                  "sweep: '" + key + "' runs through '" + parts[i] + "', which is not a section");
            }
            section = asMap(child);
          }
          section.put(parts[parts.length - 1], value);
        });
    return spec;
  }

  /** {@code k1=v1, k2=v2} in key order. */
  public static String label(Map<String, Object> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, deepCopyValue(v)));
    return copy;
  }

  private static Object deepCopyValue(Object value) {
    if (value instanceof Map<?, ?>) {
      return deepCopy(asMap(value));
    }
    if (value instanceof List<?> list) {
      return new ArrayList<>(list.stream().map(SweepPoints::deepCopyValue).toList());
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }
}
