package dev.repflow.artifacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.repflow.numerics.CpuNumerics;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Content addresses for step outputs: {@code <experiment>/<step>/<hash>.<extension>}, where the
 * hash is the first 32 hex digits (128 bits) of a sha256 over everything that determines the
 * output. Same inputs give the same key, so a re-run or a retried activity finds its finished
 * output instead of recomputing it; anything that could change the bytes changes the key.
 *
 * <p>What is hashed, and why:
 *
 * <ul>
 *   <li>the step name: two steps with identical parameters and inputs still compute different
 *       things;
 *   <li>the step version: bumping it when a step's code changes its output invalidates old results,
 *       which the parameters alone cannot see;
 *   <li>the parameters as canonical JSON (properties and map entries sorted by name, records by
 *       component name): the same settings must hash the same whatever order a config or a map
 *       listed them in;
 *   <li>the sha256 of each input artifact, in order: the output is a function of the input bytes
 *       (not of their URIs, which a re-upload could keep while the bytes change), and positions
 *       mean something (train vs. test features);
 *   <li>the CPU numerics profile ({@link CpuNumerics}): kernels and thread count decide the last
 *       bits of every tensor result, so an artifact computed under another profile is not the one
 *       this process would compute.
 * </ul>
 *
 * <p>The experiment and extension are not hashed: they are path parts of the key already.
 */
public final class CacheKeys {

  /** Marks the hashing scheme; change it if the layout of the hashed text ever changes. */
  private static final String SCHEME = "repflow-cache-key/1";

  private static final ObjectMapper CANONICAL_JSON =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private CacheKeys() {}

  /**
   * Key of a step's output.
   *
   * @param experiment first key segment ({@code RunContext.experiment()})
   * @param step step name, e.g. {@code embed}
   * @param stepVersion code version of the step; bump when the step's output would change
   * @param params parameters that affect the output: a record, map or other Jackson-serializable
   *     value (null allowed)
   * @param inputs input artifacts, in the order the step uses them
   * @param extension file extension without dot, e.g. {@code h5} or {@code json}
   */
  public static String key(
      String experiment,
      String step,
      int stepVersion,
      Object params,
      List<ArtifactRef> inputs,
      String extension) {
    requireSegment("experiment", experiment);
    requireSegment("step", step);
    if (extension == null || !extension.matches("[A-Za-z0-9]+")) {
      throw new IllegalArgumentException("extension must be letters or digits, got " + extension);
    }
    StringBuilder text = new StringBuilder(SCHEME).append('\n');
    text.append("step=").append(step).append('\n');
    text.append("version=").append(stepVersion).append('\n');
    text.append("params=").append(canonicalJson(params)).append('\n');
    text.append("numerics=").append(CpuNumerics.active().tag()).append('\n');
    for (ArtifactRef input : inputs) {
      text.append("input=").append(input.sha256()).append('\n');
    }
    String hash = Sha256.of(text.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    return experiment + "/" + step + "/" + hash + "." + extension;
  }

  /** Parameters as JSON with sorted properties and map keys; exposed for logs and tests. */
  public static String canonicalJson(Object params) {
    try {
      return CANONICAL_JSON.writeValueAsString(params);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "step parameters of type " + params.getClass().getName() + " are not serializable", e);
    }
  }

  private static void requireSegment(String what, String value) {
    if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          what + " must be letters, digits, '.', '_' or '-' (one key segment), got " + value);
    }
  }
}
