package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.models.PretrainSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Defaults, IMPRINT's component values and grid rules, and one-line errors naming the key. */
class ImprintingSpecTest {
  private static final PretrainSpec PRETRAIN =
      new PretrainSpec(List.of(0, 1, 2, 3, 4), 1, 8, 0.01, 1);

  private static ImprintingSpec spec(List<ImprintTask> tasks, GridSpec grid, CdSpec cd) {
    return new ImprintingSpec(
        null, "u", null, null, PRETRAIN, null, tasks, grid, 0, 0, cd, null, null);
  }

  private static GridSpec grid(
      List<String> pre, List<String> gen, List<String> post, List<String> inf, List<Long> seed) {
    return new GridSpec(pre, gen, null, null, post, inf, null, null, null, null, seed);
  }

  private static String error(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void defaults() {
    GridSpec threeGens = grid(null, List.of("mean", "kmeans", "all"), null, null, null);
    ImprintingSpec s = spec(null, threeGens, null);
    assertEquals(List.of(5, 6, 7, 8, 9), s.classes());
    assertEquals(List.of(new ImprintTask("all", List.of(5, 6, 7, 8, 9), 0)), s.tasks());
    assertEquals(
        List.of(
            "l2|mean|l2|l2|max|seed=0",
            "l2|kmeans(k=1)|l2|l2|max|seed=0",
            "l2|all|l2|l2|max|seed=0"),
        s.grid().expand().stream().map(ImprintConfig::id).toList());
    assertEquals(50, s.batchSize());
    assertEquals(0.05, s.cd().alpha());
    // the default grid is a single run: nothing to compare
    assertTrue(
        error(() -> spec(null, null, null)).startsWith("cd: the Friedman test needs at least 3"));
  }

  @Test
  void methodsLeaveOutTheSeedAndUnusedParameters() {
    var c = new ImprintConfig("l2", "kmeans", 20, 7, "l2", "l2", "max", 5, "cosine", "distance", 3);
    assertEquals("l2|kmeans(k=20)|l2|l2|max", c.method());
    assertEquals("l2|kmeans(k=20)|l2|l2|max|seed=3", c.id());
    assertEquals(
        "none|ls(lambda=0.0001)|none|none|1nn(euclidean)",
        new ImprintConfig(
                "none", "ls", 4, 1e-4, "none", "none", "mnn", 1, "euclidean", "distance", 0)
            .method());
    assertEquals(
        "none|mean|quantile|none|5nn(cosine,weighted)",
        new ImprintConfig(
                "none", "mean", 4, 1, "quantile", "none", "mnn", 5, "cosine", "distance", 0)
            .method());
  }

  @Test
  void gridKeepsImprintsRuleThatNormPreNeedsTheSameNormInf() {
    GridSpec g =
        grid(
            List.of("none", "l2"),
            List.of("mean"),
            List.of("l2"),
            List.of("none", "l2"),
            List.of(0L, 1L));
    // (none, none), (none, l2), (l2, l2) x 2 seeds; (l2, none) is dropped
    assertEquals(6, g.expand().size());
    assertEquals(
        List.of("none|mean|l2|none|max", "none|mean|l2|l2|max", "l2|mean|l2|l2|max"), g.methods());
    assertTrue(
        error(() -> grid(List.of("l2"), null, null, List.of("none"), null).expand())
            .startsWith("grid: no runs left"));
  }

  @Test
  void quantileIsOnlyForImprintedWeights() {
    assertTrue(
        error(() -> spec(null, grid(List.of("quantile"), null, null, null, null), null))
            .startsWith("grid.normPre: 'quantile' is not one of [none, l2]"));
    assertTrue(
        error(() -> spec(null, grid(null, null, null, List.of("quantile"), null), null))
            .startsWith("grid.normInf: 'quantile'"));
  }

  @Test
  void comparedMethodsAreFixedAndCheckedUpFront() {
    GridSpec g =
        grid(List.of("none", "l2"), List.of("mean", "all"), null, List.of("l2"), List.of(0L, 1L));
    CdSpec all = new CdSpec(null, 0);
    assertEquals(g.methods(), all.compared(g));
    assertEquals(4, all.compared(g).size());
    CdSpec named =
        new CdSpec(List.of("l2|all|l2|l2|max", "l2|mean|l2|l2|max", "none|all|l2|l2|max"), 0);
    assertEquals(named.methods(), named.resolved(g).methods());
    assertTrue(
        error(() -> spec(null, g, new CdSpec(List.of("l2|mean|l2|l2|max|seed=0"), 0)))
            .startsWith("cd.methods: 'l2|mean|l2|l2|max|seed=0' is not a method of the grid"));
    assertTrue(
        error(() -> spec(null, g, new CdSpec(List.of("l2|mean|l2|l2|max", "l2|all|l2|l2|max"), 0)))
            .startsWith("cd: the Friedman test needs at least 3 methods"));
    assertTrue(
        error(() -> new CdSpec(List.of("a", "a"), 0))
            .startsWith("cd.methods: 'a' is listed twice"));
  }

  @Test
  void errorsNameTheKey() {
    GridSpec badGen =
        new GridSpec(null, List.of("median"), null, null, null, null, null, null, null, null, null);
    assertTrue(error(() -> spec(null, badGen, null)).startsWith("grid.gen: 'median'"));
    assertTrue(
        error(() -> spec(List.of(new ImprintTask("t", List.of(1, 5), 0)), null, null))
            .startsWith("tasks[t].classes"));
    GridSpec badDistance =
        new GridSpec(
            null, null, null, null, null, null, List.of("mnn"), null, List.of("l1"), null, null);
    assertTrue(error(() -> spec(null, badDistance, null)).startsWith("grid.distance: 'l1'"));
  }
}
