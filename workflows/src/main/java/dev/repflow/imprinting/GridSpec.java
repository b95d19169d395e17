package dev.repflow.imprinting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Values per component; the grid is their cartesian product, less the runs IMPRINT's grid drops
 * ({@link ImprintConfig#consistentNorms()}). {@code k} only multiplies kmeans runs, {@code lambda}
 * only ls runs, {@code m}, {@code distance} and {@code weighting} only mnn runs; every run is
 * repeated once per {@code seed}.
 */
public record GridSpec(
    List<String> normPre,
    List<String> gen,
    List<Integer> k,
    List<Double> lambda,
    List<String> normPost,
    List<String> normInf,
    List<String> agg,
    List<Integer> m,
    List<String> distance,
    List<String> weighting,
    List<Long> seed) {

  public GridSpec {
    normPre = orDefault(normPre, List.of("l2"));
    gen = orDefault(gen, List.of("mean"));
    k = orDefault(k, List.of(1));
    lambda = orDefault(lambda, List.of(1.0));
    normPost = orDefault(normPost, List.of("l2"));
    normInf = orDefault(normInf, List.of("l2"));
    agg = orDefault(agg, List.of("max"));
    m = orDefault(m, List.of(1));
    distance = orDefault(distance, List.of("euclidean"));
    weighting = orDefault(weighting, List.of("uniform"));
    seed = orDefault(seed, List.of(0L));
    if (seed.stream().distinct().count() < seed.size()) {
      throw new IllegalArgumentException("grid.seed lists a seed twice: " + seed);
    }
  }

  /** Every distinct run, in a fixed order (deterministic: workflow code calls this). */
  public List<ImprintConfig> expand() {
    Set<ImprintConfig> out = new LinkedHashSet<>();
    for (String pre : normPre) {
      for (String g : gen) {
        for (int kk : k) {
          for (double l : lambda) {
            for (String post : normPost) {
              for (String inf : normInf) {
                for (String a : agg) {
                  for (int mm : m) {
                    for (String d : distance) {
                      for (String w : weighting) {
                        for (long s : seed) {
                          var c = new ImprintConfig(pre, g, kk, l, post, inf, a, mm, d, w, s);
                          if (c.consistentNorms()) {
                            out.add(c);
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "grid: no runs left: a normPre other than none needs the same normInf (as in IMPRINT),"
              + " got normPre "
              + normPre
              + " and normInf "
              + normInf);
    }
    return new ArrayList<>(out);
  }

  /** Distinct {@link ImprintConfig#method()}s of the grid, in grid order. */
  public List<String> methods() {
    return expand().stream().map(ImprintConfig::method).distinct().toList();
  }

  private static <T> List<T> orDefault(List<T> values, List<T> fallback) {
    return values == null || values.isEmpty() ? fallback : List.copyOf(values);
  }
}
