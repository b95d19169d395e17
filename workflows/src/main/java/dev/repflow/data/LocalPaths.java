package dev.repflow.data;

import java.util.Map;

/**
 * A spec that names files on the worker's own disk. Workers read such paths only under their
 * configured data roots, because whoever can start a workflow chooses them.
 */
public interface LocalPaths {
  /**
   * Config key (e.g. {@code dataset.dir}) to the path it names; keys whose value is unset are left
   * out.
   */
  Map<String, String> localPaths();
}
