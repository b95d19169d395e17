package dev.repflow.worker.config;

import java.util.List;
import java.util.Map;

/**
 * The {@code sweep:} section of a config.
 *
 * @param seeds replicate keys and their seeds, zipped: {@code pretrain.seed: [1, 2, 3]}
 * @param values grid keys and their values: {@code evaluate.k: [5, 20]}
 * @param parallelism point runs at once (default 4)
 * @param pointsPerRun points per workflow run before it continues as new (default 50)
 */
public record SweepSection(
    Map<String, List<Object>> seeds,
    Map<String, List<Object>> values,
    Integer parallelism,
    Integer pointsPerRun) {}
