package dev.repflow.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The experiment name becomes an S3 key segment and a workflow id prefix: only safe names pass. */
class RunContextTest {
  @Test
  void acceptsKeySegments() {
    assertEquals("run-1.a_b", RunContext.requireExperiment("run-1.a_b"));
  }

  @Test
  void refusesMissingAndUnsafeNamesNamingTheKey() {
    for (String bad : new String[] {null, "", "a b", "../x", "-lead", "a/b", "x".repeat(101)}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> RunContext.requireExperiment(bad));
      assertTrue(e.getMessage().startsWith("experiment: "), e.getMessage());
    }
  }
}
