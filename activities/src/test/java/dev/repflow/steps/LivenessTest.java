package dev.repflow.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LivenessTest {
  @Test
  void aTickWithoutABindingDoesNothing() {
    Liveness.tick(); // no step on this thread: nothing to call, nothing thrown
  }

  @Test
  void ticksReachTheBindingAtMostOnceASecondAndOnlyDuringTheCall() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    String result =
        Liveness.reportingTo(
            calls::incrementAndGet,
            () -> {
              for (int i = 0; i < 10_000; i++) {
                Liveness.tick();
              }
              int early = calls.get();
              sleep(1_100);
              Liveness.tick();
              Liveness.tick();
              assertTrue(early <= 1, "ticks in a burst were passed on " + early + " times");
              assertEquals(early + 1, calls.get());
              return "done";
            });

    assertEquals("done", result);
    int after = calls.get();
    sleep(1_100);
    Liveness.tick();
    assertEquals(after, calls.get(), "a tick after the call went to its binding");
  }

  @Test
  void anInnerBindingIsUndoneWhenItsCallEnds() {
    AtomicInteger outer = new AtomicInteger();
    AtomicInteger inner = new AtomicInteger();
    Liveness.reportingTo(
        outer::incrementAndGet,
        () -> {
          Liveness.reportingTo(inner::incrementAndGet, () -> null);
          sleep(1_100);
          Liveness.tick();
          return null;
        });
    assertEquals(1, outer.get());
    assertEquals(0, inner.get());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
