package dev.repflow.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every artifact reference in a result, whatever the pipeline: JSON objects with an {@code
 * s3://} {@code uri} and a {@code sha256}. Each is named by its path in the result, with list
 * elements named by their {@code name} (or {@code label}) where they have one.
 */
final class LineageScan {
  private LineageScan() {}

  static List<Lineage> of(JsonNode result) {
    Map<String, Lineage> byUri = new LinkedHashMap<>();
    walk(result, "", byUri);
    return new ArrayList<>(byUri.values());
  }

  private static void walk(JsonNode node, String path, Map<String, Lineage> out) {
    if (node.isObject()) {
      if (node.path("uri").asText().startsWith("s3://") && node.path("sha256").isTextual()) {
        List<Long> shape = new ArrayList<>();
        node.path("shape").forEach(d -> shape.add(d.asLong()));
        out.putIfAbsent(
            node.get("uri").asText(),
            new Lineage(
                path,
                node.get("uri").asText(),
                node.get("sha256").asText(),
                node.path("bytes").asLong(),
                node.path("format").asText(),
                shape));
        return;
      }
      for (var e : node.properties()) {
        walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + elementName(node.get(i), i) + "]", out);
      }
    }
  }

  private static String elementName(JsonNode element, int index) {
    for (String key : List.of("name", "label")) {
      if (element.path(key).isTextual()) {
        return element.get(key).asText();
      }
    }
    JsonNode variant = element.path("variant").path("name");
    return variant.isTextual() ? variant.asText() : String.valueOf(index);
  }
}
