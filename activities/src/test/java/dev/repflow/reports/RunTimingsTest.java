package dev.repflow.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTimingsTest {

  @Test
  void overlappingActivitiesCountOnce() {
    List<long[]> intervals =
        new ArrayList<>(List.of(new long[] {10, 20}, new long[] {15, 30}, new long[] {40, 45}));
    assertEquals(25, RunTimings.unionLength(intervals));
  }

  @Test
  void noActivitiesMeansAllTimeIsOutside() {
    assertEquals(0, RunTimings.unionLength(new ArrayList<>()));
    assertEquals(
        1.0, new RunTimings(Duration.ofSeconds(4), Duration.ZERO).outsideActivitiesShare());
    assertEquals(
        0.25,
        new RunTimings(Duration.ofSeconds(4), Duration.ofSeconds(3)).outsideActivitiesShare(),
        1e-9);
  }
}
