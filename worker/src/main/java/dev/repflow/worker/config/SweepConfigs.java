package dev.repflow.worker.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.repflow.sweep.SweepPoint;
import dev.repflow.sweep.SweepPoints;
import dev.repflow.sweep.SweepSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Configs with a {@code sweep:} section: the pipeline's keys are the base spec, the section says
 * what to vary. Every point is bound as strictly as a config before anything starts, so a sweep key
 * that does not exist or a value the pipeline rejects fails with the point it belongs to.
 */
public final class SweepConfigs {
  public static final String KEY = "sweep";

  private SweepConfigs() {}

  /** Wraps the section alone, so errors name its keys as {@code sweep.<key>}. */
  record SweepFile(SweepSection sweep) {}

  /** The config's {@code sweep:} section, or empty when it has none. */
  public static Optional<SweepSection> section(Path file) {
    JsonNode tree = ConfigLoader.load(file, JsonNode.class);
    if (!tree.has(KEY)) {
      return Optional.empty();
    }
    ObjectNode wrapper = JsonNodeFactory.instance.objectNode().set(KEY, tree.get(KEY));
    return Optional.of(ConfigLoader.load(file, wrapper, SweepFile.class).sweep());
  }

  /** The config {@code tree} of {@code file} without its {@code sweep:} section, as a record. */
  public static <T> T base(Path file, JsonNode tree, Class<T> type) {
    ObjectNode base = tree.deepCopy();
    base.remove(KEY);
    return ConfigLoader.load(file, base, type);
  }

  /**
   * The sweep of {@code base} (a {@code type} record) that {@code section} describes.
   *
   * @throws ConfigException naming the file, and the point when one point's spec is invalid
   */
  public static SweepSpec spec(Path file, Object base, SweepSection section, Class<?> type) {
    Map<String, Object> baseMap =
        SpecMappers.json().convertValue(base, new TypeReference<Map<String, Object>>() {});
    SweepSpec spec;
    try {
      spec =
          new SweepSpec(
              baseMap,
              section.seeds(),
              section.values(),
              section.parallelism() == null ? 0 : section.parallelism(),
              section.pointsPerRun() == null ? 0 : section.pointsPerRun(),
              null);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
    for (SweepPoint point : SweepPoints.expand(spec)) {
      String where = file + ": sweep point " + point.index() + " (" + point.label() + ")";
      try {
        JsonNode pointSpec =
            SpecMappers.json().valueToTree(SweepPoints.apply(spec.base(), point.params()));
        ConfigLoader.parse(SpecMappers.json(), where, json(pointSpec), type);
      } catch (ConfigException e) {
        // Line numbers would point into the generated point spec, not the user's file.
        throw new ConfigException(e.getMessage().replaceAll(" \\(line \\d+\\)", ""), e);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(where + ": " + e.getMessage(), e);
      }
    }
    return spec;
  }

  private static String json(JsonNode tree) {
    try {
      return SpecMappers.json().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
