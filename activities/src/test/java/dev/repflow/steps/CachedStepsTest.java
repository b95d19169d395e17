package dev.repflow.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.LocalArtifactStore;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.TextArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedStepsTest {
  private static final RunContext RUN = new RunContext("cached", true);
  private static final String KEY = "cached/step.json";

  @TempDir Path dir;
  private LocalArtifactStore store;
  private CachedSteps steps;
  private final AtomicInteger computed = new AtomicInteger();

  @BeforeEach
  void setUp() {
    store = new LocalArtifactStore(dir, "repflow");
    steps = CachedSteps.on(store);
  }

  private Record step(RunContext run) throws Exception {
    return steps.json(
        run,
        KEY,
        Record.class,
        () -> new Record("value " + computed.incrementAndGet()),
        (record, ref, cached) -> new Record(record.value() + (cached ? " reused" : " computed")));
  }

  record Record(String value) {}

  @Test
  void computesOnceThenReusesTheStoredRecord() throws Exception {
    assertEquals("value 1 computed", step(RUN).value());
    assertEquals("value 1 reused", step(RUN).value());
    assertEquals(1, computed.get());
  }

  @Test
  void aRunWithoutTheCacheComputesAgain() throws Exception {
    step(RUN);
    assertEquals("value 2 computed", step(new RunContext("cached", false)).value());
  }

  @Test
  void aDamagedStoredOutputIsComputedAgainAndReplaced() throws Exception {
    step(RUN);
    Path stored = Files.walk(dir).filter(p -> p.endsWith("step.json")).findFirst().orElseThrow();
    Files.writeString(stored, "{\"value\":\"tampered\"}");
    assertEquals("value 2 computed", step(RUN).value());
    assertEquals("value 2 reused", step(RUN).value());
  }

  @Test
  void anArtifactStepReportsWhetherItWasReused() throws Exception {
    CachedSteps.Compute<ArtifactRef> write =
        () -> TextArtifacts.put(store, "cached/plot.svg", "<svg/>", "svg");
    var first = steps.artifact(RUN, "cached/plot.svg", write);
    var second =
        steps.artifact(
            RUN,
            "cached/plot.svg",
            () -> {
              throw new AssertionError("a stored artifact is written again");
            });
    assertFalse(first.cached());
    assertTrue(second.cached());
    assertEquals(first.artifact(), second.artifact());
  }
}
