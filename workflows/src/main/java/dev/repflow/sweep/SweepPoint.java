package dev.repflow.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep: the keys it sets in the base spec.
 *
 * @param index position in the sweep, 0-based; the child's workflow id ends with it
 * @param group the grid values without the seeds, e.g. {@code evaluate.k=10}; points of one group
 *     are averaged ({@code all} when only seeds vary)
 * @param params every key this point sets, grid keys first
 */
public record SweepPoint(int index, String group, Map<String, Object> params) {
  public SweepPoint {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** E.g. {@code evaluate.k=10, pretrain.seed=2}. */
  public String label() {
    return SweepPoints.label(params);
  }
}
