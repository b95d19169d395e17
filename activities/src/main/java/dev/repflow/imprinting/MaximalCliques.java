package dev.repflow.imprinting;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Maximal cliques of an undirected graph (Bron-Kerbosch with Tomita's pivot), as {@code
 * networkx.find_cliques} in IMPRINT's {@code form_cliques}. The count can grow exponentially with
 * the number of nodes, so enumeration stops at a limit.
 *
 * @param cliques node lists (ascending) of the maximal cliques with at least 2 nodes, ordered by
 *     first then last node
 * @param complete false when enumeration stopped at the limit
 */
record MaximalCliques(List<List<Integer>> cliques, boolean complete) {

  /**
   * @param adjacent {@code [k][k]} symmetric, {@code adjacent[i][j]} for an edge between i and j
   * @param limit most cliques to list
   */
  static MaximalCliques of(boolean[][] adjacent, int limit) {
    int k = adjacent.length;
    BitSet[] neighbours = new BitSet[k];
    for (int i = 0; i < k; i++) {
      neighbours[i] = new BitSet(k);
      for (int j = 0; j < k; j++) {
        if (i != j && adjacent[i][j]) {
          neighbours[i].set(j);
        }
      }
    }
    List<List<Integer>> out = new ArrayList<>();
    BitSet all = new BitSet(k);
    all.set(0, k);
    boolean complete = expand(new ArrayList<>(), all, new BitSet(k), neighbours, out, limit);
    out.removeIf(c -> c.size() < 2);
    out.sort(
        Comparator.<List<Integer>>comparingInt(c -> c.get(0))
            .thenComparingInt(c -> c.get(c.size() - 1)));
    return new MaximalCliques(out, complete);
  }

  /** Returns false once {@code limit} cliques were found before the search ended. */
  private static boolean expand(
      List<Integer> clique,
      BitSet candidates,
      BitSet excluded,
      BitSet[] neighbours,
      List<List<Integer>> out,
      int limit) {
    if (candidates.isEmpty() && excluded.isEmpty()) {
      if (out.size() >= limit) {
        return false;
      }
      out.add(clique.stream().sorted().toList());
      return true;
    }
    int pivot = pivot(candidates, excluded, neighbours);
    BitSet branch = (BitSet) candidates.clone();
    branch.andNot(neighbours[pivot]);
    for (int v = branch.nextSetBit(0); v >= 0; v = branch.nextSetBit(v + 1)) {
      clique.add(v);
      BitSet nextCandidates = (BitSet) candidates.clone();
      nextCandidates.and(neighbours[v]);
      BitSet nextExcluded = (BitSet) excluded.clone();
      nextExcluded.and(neighbours[v]);
      boolean going = expand(clique, nextCandidates, nextExcluded, neighbours, out, limit);
      clique.remove(clique.size() - 1);
      if (!going) {
        return false;
      }
      candidates.clear(v);
      excluded.set(v);
    }
    return true;
  }

  /** The node of candidates + excluded with the most neighbours among the candidates. */
  private static int pivot(BitSet candidates, BitSet excluded, BitSet[] neighbours) {
    BitSet pool = (BitSet) candidates.clone();
    pool.or(excluded);
    int best = -1;
    int bestCount = -1;
    for (int u = pool.nextSetBit(0); u >= 0; u = pool.nextSetBit(u + 1)) {
      BitSet common = (BitSet) neighbours[u].clone();
      common.and(candidates);
      if (common.cardinality() > bestCount) {
        best = u;
        bestCount = common.cardinality();
      }
    }
    return best;
  }
}
