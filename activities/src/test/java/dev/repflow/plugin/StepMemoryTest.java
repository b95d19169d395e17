package dev.repflow.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Peaks and overlaps of steps run by a real worker, with a resident set the steps set. */
class StepMemoryTest {
  private static final long MIB = 1 << 20;
  private static final AtomicLong RESIDENT = new AtomicLong(100 * MIB);

  @ActivityInterface
  public interface Steps {
    /** Raises the resident set to {@code mib} for {@code millis}, then back to 100 MiB. */
    void hold(int mib, int millis);
  }

  public static final class StepsImpl implements Steps {
    @Override
    public void hold(int mib, int millis) {
      RESIDENT.accumulateAndGet(mib * MIB, Math::max);
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      RESIDENT.set(100 * MIB);
    }
  }

  @WorkflowInterface
  public interface TwoThenOne {
    @WorkflowMethod
    void run();
  }

  /** Two steps side by side (the big one shorter), then one alone. */
  public static final class TwoThenOneImpl implements TwoThenOne {
    private final Steps steps =
        Workflow.newActivityStub(
            Steps.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

    @Override
    public void run() {
      Promise<Void> small = Async.procedure(steps::hold, 300, 1200);
      Promise<Void> big = Async.procedure(steps::hold, 900, 600);
      Promise.allOf(small, big).get();
      steps.hold(500, 600);
    }
  }

  @Test
  void eachStepKeepsTheProcessPeakWhileItRanAndCountsTheStepsBesideIt() {
    StepMemory memory = new StepMemory(RESIDENT::get);
    TestEnvironmentOptions options =
        TestEnvironmentOptions.newBuilder()
            .setWorkerFactoryOptions(
                WorkerFactoryOptions.newBuilder().setWorkerInterceptors(memory).build())
            .build();
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
      Worker worker = env.newWorker("memory");
      worker.registerWorkflowImplementationTypes(TwoThenOneImpl.class);
      worker.registerActivitiesImplementations(new StepsImpl());
      env.start();
      env.getWorkflowClient()
          .newWorkflowStub(
              TwoThenOne.class,
              WorkflowOptions.newBuilder().setWorkflowId("mem-run").setTaskQueue("memory").build())
          .run();

      List<StepMemory.Peak> peaks = memory.peaks("mem-run");
      assertEquals(3, peaks.size(), peaks.toString());
      // Finishing order: the big step (600 ms), the small one (1200 ms), the last one alone.
      assertEquals(900 * MIB, peaks.get(0).peakRssBytes(), peaks.toString());
      assertEquals(1, peaks.get(0).overlapping());
      assertEquals(900 * MIB, peaks.get(1).peakRssBytes(), "saw its neighbour's peak");
      assertEquals(1, peaks.get(1).overlapping());
      assertEquals(500 * MIB, peaks.get(2).peakRssBytes());
      assertEquals(100 * MIB, peaks.get(2).startRssBytes(), "started after the others let go");
      assertEquals(400 * MIB, peaks.get(2).riseBytes());
      assertEquals(0, peaks.get(2).overlapping());
      assertTrue(peaks.get(1).duration().toMillis() >= 1200, peaks.toString());
      assertEquals(
          peaks.get(0),
          memory.largest("mem-run").orElseThrow(),
          "largest: the first of the equal peaks");
      StepMemory.Peak mostAdded = memory.mostAdded("mem-run").orElseThrow();
      assertEquals(900 * MIB, mostAdded.peakRssBytes(), "one of the two that rose to 900 MiB");
      assertEquals(1, mostAdded.overlapping());
      assertTrue(memory.peaks("other-run").isEmpty());
    }
  }

  @Test
  void readsThisProcesssResidentSet() {
    long bytes = StepMemory.residentBytes();
    assertTrue(bytes > 10 * MIB, "VmRSS of a JVM is at least tens of MiB: " + bytes);
  }
}
