package dev.repflow.imprinting;

import java.util.List;
import java.util.Locale;

/**
 * One imprinting run: how proxies are generated and how queries are scored. Parameters a component
 * does not use are zero, so equal runs compare equal and get the same {@link #id()}.
 *
 * @param normPre normalization of train embeddings before GEN: none | l2 | quantile
 * @param gen proxy generator: mean | kmeans | all | ls
 * @param k proxies per class (kmeans), else 0
 * @param lambda ridge penalty (ls), else 0
 * @param normPost normalization of the generated proxies
 * @param normInf normalization of query embeddings at inference
 * @param agg max (best proxy per class) | mnn (vote of the m most similar proxies)
 * @param m neighbours of mnn, else 0
 * @param seed k-means initialisation seed (kmeans), else 0
 */
public record ImprintConfig(
    String normPre,
    String gen,
    int k,
    double lambda,
    String normPost,
    String normInf,
    String agg,
    int m,
    long seed) {
  public static final List<String> NORMS = List.of("none", "l2", "quantile");
  public static final List<String> GENS = List.of("mean", "kmeans", "all", "ls");
  public static final List<String> AGGS = List.of("max", "mnn");

  public ImprintConfig {
    require("grid.normPre", normPre, NORMS);
    require("grid.gen", gen, GENS);
    require("grid.normPost", normPost, NORMS);
    require("grid.normInf", normInf, NORMS);
    require("grid.agg", agg, AGGS);
    k = gen.equals("kmeans") ? k : 0;
    seed = gen.equals("kmeans") ? seed : 0;
    lambda = gen.equals("ls") ? lambda : 0;
    m = agg.equals("mnn") ? m : 0;
    if (gen.equals("kmeans") && k < 1) {
      throw new IllegalArgumentException("grid.k must be positive for kmeans, got " + k);
    }
    if (gen.equals("ls") && !(lambda >= 0)) {
      throw new IllegalArgumentException("grid.lambda must be >= 0, got " + lambda);
    }
    if (agg.equals("mnn") && m < 1) {
      throw new IllegalArgumentException("grid.m must be positive for mnn, got " + m);
    }
  }

  /** Deterministic, readable id from the parameters, e.g. {@code l2|kmeans(k=20)|l2|l2|max}. */
  public String id() {
    String g =
        switch (gen) {
          case "kmeans" -> "kmeans(k=" + k + ",seed=" + seed + ")";
          case "ls" -> String.format(Locale.ROOT, "ls(lambda=%s)", lambda);
          default -> gen;
        };
    String a = agg.equals("mnn") ? m + "nn" : agg;
    return normPre + "|" + g + "|" + normPost + "|" + normInf + "|" + a;
  }

  private static void require(String key, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(key + ": '" + value + "' is not one of " + allowed);
    }
  }
}
