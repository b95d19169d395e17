package dev.repflow.stitching;

import java.util.List;

/**
 * Values at retained ranks; the last rank is the full representation.
 *
 * @param name e.g. {@code probe A.pool2} or {@code cka A.pool2->B.pool2}
 */
public record RankCurve(String name, List<Integer> ranks, List<Double> values) {
  public RankCurve {
    if (ranks.size() != values.size()) {
      throw new IllegalArgumentException("ranks and values differ in length");
    }
    ranks = List.copyOf(ranks);
    values = List.copyOf(values);
  }
}
