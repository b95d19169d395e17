package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bron-Kerbosch against the definition, by brute force over every node subset. */
class MaximalCliquesTest {

  @Test
  void handExampleWithACliqueThatSkipsARank() {
    boolean[][] g = graph(5, new int[][] {{0, 1}, {1, 2}, {0, 2}, {2, 3}, {1, 3}, {3, 4}});
    // maximal: {0,1,2}, {1,2,3}, {3,4}
    assertEquals(
        List.of(List.of(0, 1, 2), List.of(1, 2, 3), List.of(3, 4)),
        MaximalCliques.of(g, 100).cliques());
    // single nodes are not listed (a clique of one is not drawn)
    assertEquals(List.of(), MaximalCliques.of(graph(3, new int[][] {}), 100).cliques());
  }

  @Test
  void matchesBruteForceOnRandomGraphs() {
    Random random = new Random(4);
    for (int trial = 0; trial < 30; trial++) {
      int n = 2 + random.nextInt(9);
      boolean[][] g = new boolean[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          g[i][j] = g[j][i] = random.nextDouble() < 0.6;
        }
      }
      assertEquals(
          new HashSet<>(bruteForce(g)), new HashSet<>(MaximalCliques.of(g, 10_000).cliques()));
    }
  }

  @Test
  void stopsAtTheLimit() {
    // complement of a perfect matching on 12 nodes: 2^6 maximal cliques
    boolean[][] g = new boolean[12][12];
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < 12; j++) {
        g[i][j] = i != j && i / 2 != j / 2;
      }
    }
    assertEquals(64, MaximalCliques.of(g, 100).cliques().size());
    MaximalCliques limited = MaximalCliques.of(g, 10);
    assertEquals(10, limited.cliques().size());
    assertFalse(limited.complete());
  }

  private static List<List<Integer>> bruteForce(boolean[][] g) {
    int n = g.length;
    List<Set<Integer>> cliques = new ArrayList<>();
    for (int mask = 1; mask < (1 << n); mask++) {
      Set<Integer> s = new HashSet<>();
      for (int i = 0; i < n; i++) {
        if ((mask >> i & 1) == 1) {
          s.add(i);
        }
      }
      if (isClique(g, s)) {
        cliques.add(s);
      }
    }
    List<List<Integer>> out = new ArrayList<>();
    for (Set<Integer> c : cliques) {
      boolean maximal = cliques.stream().noneMatch(o -> o.size() > c.size() && o.containsAll(c));
      if (maximal && c.size() >= 2) {
        out.add(c.stream().sorted().toList());
      }
    }
    return out;
  }

  private static boolean isClique(boolean[][] g, Set<Integer> s) {
    for (int i : s) {
      for (int j : s) {
        if (i != j && !g[i][j]) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean[][] graph(int n, int[][] edges) {
    boolean[][] g = new boolean[n][n];
    for (int[] e : edges) {
      g[e[0]][e[1]] = g[e[1]][e[0]] = true;
    }
    return g;
  }
}
