package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.transfer.TransferEvalSpec.Pretrain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Defaults and one-line errors naming the config key. */
class ImprintingSpecTest {
  private static final Pretrain PRETRAIN = new Pretrain(List.of(0, 1, 2, 3, 4), 1, 8, 0.01, 1);

  private static ImprintingSpec spec(List<ImprintTask> tasks, GridSpec grid, CdSpec cd) {
    return new ImprintingSpec(null, "u", null, null, PRETRAIN, null, tasks, grid, 0, 0, cd, null);
  }

  private static String error(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void defaults() {
    ImprintingSpec s = spec(null, null, null);
    assertEquals(List.of(5, 6, 7, 8, 9), s.classes());
    assertEquals(List.of(new ImprintTask("all", List.of(5, 6, 7, 8, 9), 0)), s.tasks());
    assertEquals(
        List.of("l2|mean|l2|l2|max"), s.grid().expand().stream().map(ImprintConfig::id).toList());
    assertEquals(50, s.batchSize());
  }

  @Test
  void errorsNameTheKey() {
    GridSpec badGen =
        new GridSpec(null, List.of("median"), null, null, null, null, null, null, null);
    assertTrue(error(() -> spec(null, badGen, null)).startsWith("grid.gen: 'median'"));
    assertTrue(
        error(() -> spec(List.of(new ImprintTask("t", List.of(1, 5), 0)), null, null))
            .startsWith("tasks[t].classes"));
    assertTrue(
        error(() -> spec(null, null, new CdSpec(0, 0, List.of("none|mean|none|none|max"))))
            .startsWith("cd.include: run 'none|mean|none|none|max' is not in the grid"));
  }
}
