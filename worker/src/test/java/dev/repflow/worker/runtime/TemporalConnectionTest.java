package dev.repflow.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TemporalConnectionTest {
  @Test
  void closedPortFailsFastWithOneLine() {
    String target = "127.0.0.1:" + FreePorts.pick();
    long start = System.nanoTime();

    TemporalConnectionException e =
        assertThrows(
            TemporalConnectionException.class, () -> TemporalConnection.connect(target, "default"));

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.toSeconds() < 10, "took " + took);
    assertTrue(
        e.getMessage()
            .startsWith("Temporal at " + target + " unreachable (namespace default): UNAVAILABLE"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }
}
