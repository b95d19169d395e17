package dev.repflow.imprinting;

import java.math.BigDecimal;
import java.util.List;

/**
 * One imprinting run: how proxies are generated and how queries are scored, with IMPRINT's
 * component values ({@code src/models/model.py}, {@code scripts/run_imprinting_experiments.py}).
 * Parameters a component does not use are zero or null, so equal runs compare equal and get the
 * same {@link #id()}.
 *
 * @param normPre normalization of train embeddings before GEN: none | l2
 * @param gen proxy generator: mean | kmeans | all | ls
 * @param k proxies per class (kmeans), else 0
 * @param lambda ridge term of the least-squares weights (ls), else 0
 * @param normPost normalization of the generated weights: none | l2 | quantile (onto the value
 *     distribution of the weights imprinted before, class by class)
 * @param normInf normalization of query embeddings at inference: none | l2
 * @param agg max (class of the best inner product) | mnn (vote of the m nearest proxies)
 * @param m neighbours of mnn, else 0
 * @param distance mnn distance: euclidean | cosine | manhattan; null for max
 * @param weighting mnn vote: uniform | distance (inverse-distance weights); uniform when m = 1;
 *     null for max
 * @param seed draws the few-shot support sets and seeds k-means++; not part of the {@link
 *     #method()}
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
    String distance,
    String weighting,
    long seed) {
  public static final List<String> EMBEDDING_NORMS = List.of("none", "l2");
  public static final List<String> WEIGHT_NORMS = List.of("none", "l2", "quantile");
  public static final List<String> GENS = List.of("mean", "kmeans", "all", "ls");
  public static final List<String> AGGS = List.of("max", "mnn");
  public static final List<String> DISTANCES = List.of("euclidean", "cosine", "manhattan");
  public static final List<String> WEIGHTINGS = List.of("uniform", "distance");

  public ImprintConfig {
    require("grid.normPre", normPre, EMBEDDING_NORMS);
    require("grid.gen", gen, GENS);
    require("grid.normPost", normPost, WEIGHT_NORMS);
    require("grid.normInf", normInf, EMBEDDING_NORMS);
    require("grid.agg", agg, AGGS);
    k = gen.equals("kmeans") ? k : 0;
    lambda = gen.equals("ls") ? lambda : 0;
    boolean mnn = agg.equals("mnn");
    m = mnn ? m : 0;
    if (mnn) {
      require("grid.distance", distance, DISTANCES);
      require("grid.weighting", weighting, WEIGHTINGS);
    }
    distance = mnn ? distance : null;
    weighting = mnn ? (m == 1 ? "uniform" : weighting) : null; // one neighbour: nothing to weigh
    if (gen.equals("kmeans") && k < 1) {
      throw new IllegalArgumentException("grid.k must be positive for kmeans, got " + k);
    }
    if (gen.equals("ls") && !(lambda > 0)) {
      throw new IllegalArgumentException("grid.lambda must be > 0 for ls, got " + lambda);
    }
    if (mnn && m < 1) {
      throw new IllegalArgumentException("grid.m must be positive for mnn, got " + m);
    }
  }

  /**
   * The method: every parameter but the seed, e.g. {@code l2|kmeans(k=20)|l2|l2|max} or {@code
   * none|mean|none|none|1nn(euclidean)}. Runs of one method with different seeds are repetitions,
   * never separate methods.
   */
  public String method() {
    String g =
        switch (gen) {
          case "kmeans" -> "kmeans(k=" + k + ")";
          case "ls" -> "ls(lambda=" + plain(lambda) + ")";
          default -> gen;
        };
    String a =
        agg.equals("max")
            ? "max"
            : m + "nn(" + distance + (weighting.equals("distance") ? ",weighted" : "") + ")";
    return normPre + "|" + g + "|" + normPost + "|" + normInf + "|" + a;
  }

  /** Deterministic, readable id of the run: {@link #method()} plus the seed. */
  public String id() {
    return method() + "|seed=" + seed;
  }

  /**
   * Whether IMPRINT's grid keeps this run: its {@code filter_combinations} drops runs that
   * normalize the embeddings for GEN but not the queries the same way.
   */
  public boolean consistentNorms() {
    return normPre.equals("none") || normPre.equals(normInf);
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static void require(String key, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(key + ": '" + value + "' is not one of " + allowed);
    }
  }
}
