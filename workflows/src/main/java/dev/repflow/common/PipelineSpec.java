package dev.repflow.common;

import dev.repflow.data.DatasetSpec;
import java.util.Map;

/**
 * What every pipeline's spec record offers the CLI and the web UI, whatever its method.
 *
 * <p>{@code pipeline} is the first key of every config and selects the workflow; each spec accepts
 * only its own name there.
 */
public interface PipelineSpec {

  /** Config value of {@code pipeline:}, e.g. {@code transfer}. */
  String pipeline();

  /** Run name; first segment of every artifact key. */
  String experiment();

  /** Images the pipeline reads. */
  DatasetSpec dataset();

  /**
   * Every path on a worker's disk this spec names (config key to path), which workers accept only
   * under their data roots. The dataset folder unless a pipeline names more.
   */
  default Map<String, String> localPaths() {
    return dataset().localPaths();
  }

  /** Short model label for the {@code RepflowModel} search attribute. */
  String modelLabel();

  /** Copy with the content-addressed cache switched on or off. */
  PipelineSpec withUseCache(boolean on);

  /** {@code paths} plus {@code torchscript} when it is set: a pipeline's files on a worker. */
  static Map<String, String> withTorchScript(Map<String, String> paths, String torchscript) {
    Map<String, String> all = new java.util.TreeMap<>(paths);
    if (torchscript != null) {
      all.put("torchscript", torchscript);
    }
    return all;
  }

  /** Checks that a spec names the pipeline it belongs to; null means the default. */
  static String requirePipeline(String given, String expected) {
    if (given != null && !given.equals(expected)) {
      throw new IllegalArgumentException(
          "pipeline: expected '" + expected + "' for this spec, got '" + given + "'");
    }
    return expected;
  }
}
