package dev.repflow.worker.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Datasets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Fills in {@code dataset.numClasses} for formats whose class count only the files know (an image
 * folder's class folders, the labels of npy arrays), so a config pointed at a new folder needs no
 * other change: class lists left out then mean every class.
 */
public final class DatasetClasses {
  private static final List<String> COUNTED = List.of(DatasetSpec.IMAGEFOLDER, DatasetSpec.NPY);

  private DatasetClasses() {}

  /**
   * The config tree with {@code dataset.numClasses} counted from the files, or empty when the
   * config gives it, its format has a fixed count, or its dataset section is invalid (binding the
   * whole config reports that with the usual message).
   *
   * @throws ConfigException naming the config when the files cannot be counted (missing folder, no
   *     class folders, unreadable labels)
   */
  public static Optional<ObjectNode> fill(Path config, JsonNode tree) {
    JsonNode dataset = tree.path("dataset");
    if (!dataset.isObject()
        || dataset.has("numClasses")
        || !COUNTED.contains(dataset.path("format").asText(""))) {
      return Optional.empty();
    }
    DatasetSpec spec;
    try {
      spec = SpecMappers.yaml().treeToValue(dataset, DatasetSpec.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
    int n;
    try {
      n = Datasets.countClasses(spec);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(config + ": " + e.getMessage(), e);
    }
    ObjectNode filled = tree.deepCopy();
    ((ObjectNode) filled.get("dataset")).put("numClasses", n);
    return Optional.of(filled);
  }
}
