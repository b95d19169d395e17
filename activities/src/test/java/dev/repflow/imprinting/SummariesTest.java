package dev.repflow.imprinting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeds are repetitions of one method: its score per task is their median. */
class SummariesTest {

  private static RunRecord run(String gen, long seed, double... acc) {
    var c = new ImprintConfig("l2", gen, 0, 0, "l2", "l2", "max", 0, null, null, seed);
    return new RunRecord(c.id(), c, java.util.Arrays.stream(acc).boxed().toList());
  }

  @Test
  void methodsAreMediansOverSeeds() {
    List<MethodScore> methods =
        Summaries.methods(
            List.of(
                run("mean", 0, 0.5, 0.9),
                run("all", 0, 0.7, 0.1),
                run("mean", 1, 0.7, 0.3),
                run("mean", 2, 0.6, 0.5),
                run("all", 1, 0.8, 0.2)));
    assertEquals(2, methods.size());
    assertEquals("l2|mean|l2|l2|max", methods.get(0).id());
    assertEquals(List.of(0.6, 0.5), methods.get(0).accuracies());
    assertEquals(List.of(0.75, 0.15000000000000002), methods.get(1).accuracies());
    assertEquals(0.55, methods.get(0).meanAccuracy(), 1e-12);
    assertEquals("l2|mean|l2|l2|max", Summaries.leaders(methods).get(0).id());
  }
}
