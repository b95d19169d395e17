package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.FeatureTable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Few-shot support sets are drawn with the seed, per class, not taken in file order. */
class TaskDataTest {
  /** 3 classes (ids 5, 6, 7) of 40 rows each, interleaved; feature 0 = the row index. */
  static FeatureTable table() {
    float[][] x = new float[120][2];
    long[] y = new long[120];
    for (int i = 0; i < 120; i++) {
      x[i][0] = i;
      y[i] = 5 + i % 3;
    }
    return new FeatureTable(x, y, null, Map.of("kind", "embeddings"));
  }

  static final ImprintTask TASK = new ImprintTask("t", List.of(5, 6, 7), 4);

  private static Set<Integer> rows(TaskData t) {
    return Arrays.stream(t.train()).map(r -> (int) r[0]).collect(Collectors.toSet());
  }

  @Test
  void sameSeedSameSetsOtherSeedOtherSets() {
    FeatureTable f = table();
    TaskData a = TaskData.of(TASK, f, f, 11);
    assertEquals(rows(a), rows(TaskData.of(TASK, f, f, 11)));
    assertFalse(rows(a).equals(rows(TaskData.of(TASK, f, f, 12))));
    // not the first k in file order
    assertFalse(rows(a).equals(Set.of(0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11)));
  }

  @Test
  void classBalancedAndNested() {
    FeatureTable f = table();
    TaskData t = TaskData.of(TASK, f, f, 11);
    assertEquals(12, t.train().length);
    for (int c = 0; c < 3; c++) {
      int row = c;
      assertEquals(4, Arrays.stream(t.trainRows()).filter(r -> r == row).count());
    }
    for (int i = 0; i < t.train().length; i++) {
      assertEquals(5 + t.trainRows()[i], 5 + ((int) t.train()[i][0]) % 3); // label matches row
    }
    // a seed's 4-shot support is the prefix of its 10-shot support
    int[] four = TaskData.support(f.labels(), 6, 4, 11);
    int[] ten = TaskData.support(f.labels(), 6, 10, 11);
    assertArrayEquals(four, Arrays.copyOf(ten, 4));
    assertEquals(10, Arrays.stream(ten).distinct().count());
  }

  @Test
  void allRowsWhenShotsAreZeroOrTooMany() {
    FeatureTable f = table();
    int[] all = TaskData.support(f.labels(), 7, 0, 1);
    assertEquals(40, all.length);
    assertArrayEquals(all, TaskData.support(f.labels(), 7, 99, 2));
    assertTrue(Arrays.stream(all).allMatch(i -> f.labels()[i] == 7));
    assertEquals(
        120, TaskData.of(new ImprintTask("all", List.of(5, 6, 7), 0), f, f, 3).test().length);
  }
}
