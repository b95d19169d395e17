package dev.repflow.imprinting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Values per component; the grid is their cartesian product. {@code k} and {@code seed} only
 * multiply kmeans runs, {@code lambda} only ls runs, {@code m} only mnn runs.
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
    seed = orDefault(seed, List.of(0L));
  }

  /** Every distinct run, in a fixed order (deterministic: workflow code calls this). */
  public List<ImprintConfig> expand() {
    Set<ImprintConfig> out = new LinkedHashSet<>();
    for (String pre : normPre) {
      for (String g : gen) {
        for (int kk : k) {
          for (double l : lambda) {
            for (long s : seed) {
              for (String post : normPost) {
                for (String inf : normInf) {
                  for (String a : agg) {
                    for (int mm : m) {
                      out.add(new ImprintConfig(pre, g, kk, l, post, inf, a, mm, s));
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static <T> List<T> orDefault(List<T> values, List<T> fallback) {
    return values == null || values.isEmpty() ? fallback : List.copyOf(values);
  }
}
