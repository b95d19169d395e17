package dev.repflow.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Input of {@link SweepWorkflow}: a pipeline spec and the keys to vary. In a config this is the
 * pipeline's usual keys plus a {@code sweep:} section ({@code seeds}, {@code values}, {@code
 * parallelism}).
 *
 * @param base the pipeline's spec as a JSON object (its {@code pipeline} key selects the workflow)
 * @param seeds replicate keys (dotted paths into {@code base}) with one value per replicate; all
 *     lists have the same length and are zipped, so replicate i sets every key to its i-th value.
 *     Results are averaged over replicates.
 * @param values grid keys with the values to try; every combination is a group of points
 * @param parallelism child runs in flight at once (default 4)
 * @param pointsPerRun points per workflow run before it continues as new, so the history stays
 *     small however many points there are (default 50)
 * @param carry internal: progress handed over by continue-as-new; null when starting
 */
public record SweepSpec(
    Map<String, Object> base,
    Map<String, List<Object>> seeds,
    Map<String, List<Object>> values,
    int parallelism,
    int pointsPerRun,
    SweepCarry carry) {
  public static final int MAX_POINTS = 10_000;
  private static final Set<String> FIXED_KEYS = Set.of("pipeline", "experiment");
  private static final String KEY = "[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*";

  public SweepSpec {
    if (base == null) {
      throw new IllegalArgumentException("sweep: the pipeline spec (base) is required");
    }
    base = new LinkedHashMap<>(base);
    SweepPipelines.workflowType(base.get("pipeline"));
    if (!(base.get("experiment") instanceof String)) {
      throw new IllegalArgumentException("experiment: required for a sweep");
    }
    seeds = checked("sweep.seeds", seeds);
    values = checked("sweep.values", values);
    if (seeds.isEmpty() && values.isEmpty()) {
      throw new IllegalArgumentException("sweep: name at least one key under seeds or values");
    }
    long replicates = seeds.values().stream().mapToInt(List::size).distinct().count();
    if (replicates > 1) {
      throw new IllegalArgumentException(
          "sweep.seeds: every key needs the same number of seeds (they are zipped), got "
              + sizes(seeds));
    }
    for (String key : seeds.keySet()) {
      if (values.containsKey(key)) {
        throw new IllegalArgumentException(
            "sweep: key '" + key + "' is under both seeds and values");
      }
    }
    parallelism = parallelism == 0 ? 4 : parallelism;
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("sweep.parallelism must be in 1..64, got " + parallelism);
    }
    pointsPerRun = pointsPerRun == 0 ? 50 : pointsPerRun;
    if (pointsPerRun < 1 || pointsPerRun > 500) {
      throw new IllegalArgumentException(
          "sweep.pointsPerRun must be in 1..500, got " + pointsPerRun);
    }
    long points =
        (seeds.isEmpty() ? 1 : seeds.values().iterator().next().size()) * groupCount(values);
    if (points > MAX_POINTS) {
      throw new IllegalArgumentException(
          "sweep: " + points + " points, more than " + MAX_POINTS + "; split the sweep");
    }
  }

  /** Pipeline config name, e.g. {@code transfer}. */
  public String pipeline() {
    return (String) base.get("pipeline");
  }

  public String experiment() {
    return (String) base.get("experiment");
  }

  /** Workflow type of each point's child run. */
  public String workflowType() {
    return SweepPipelines.workflowType(pipeline());
  }

  /** Replicates per group: the length of the seed lists, 1 without seeds. */
  public int replicates() {
    return seeds.isEmpty() ? 1 : seeds.values().iterator().next().size();
  }

  /** Copy carrying progress into the next run. */
  public SweepSpec withCarry(SweepCarry next) {
    return new SweepSpec(base, seeds, values, parallelism, pointsPerRun, next);
  }

  private static Map<String, List<Object>> checked(String where, Map<String, List<Object>> keys) {
    Map<String, List<Object>> copy = new LinkedHashMap<>();
    if (keys == null) {
      return copy;
    }
    keys.forEach(
        (key, list) -> {
          if (key == null || !key.matches(KEY)) {
            throw new IllegalArgumentException(
                where + ": '" + key + "' is not a dotted config key such as pretrain.seed");
          }
          if (FIXED_KEYS.contains(key)) {
            throw new IllegalArgumentException(where + ": '" + key + "' cannot be swept");
          }
          if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(where + "." + key + ": give at least one value");
          }
          copy.put(key, new ArrayList<>(list));
        });
    return copy;
  }

  private static long groupCount(Map<String, List<Object>> values) {
    long count = 1;
    for (List<Object> list : values.values()) {
      count *= list.size();
    }
    return count;
  }

  private static String sizes(Map<String, List<Object>> seeds) {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    seeds.forEach((k, v) -> sizes.put(k, v.size()));
    return sizes.toString();
  }
}
