package dev.repflow.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.temporal.activity.ActivityInterface;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A worker's heartbeat timeout replaces the presets' one, and nothing else. */
class WorkflowPresetsTest {
  private TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void aWorkersHeartbeatTimeoutReplacesThePresetsOnly() {
    env.newWorker(TaskQueues.CPU)
        .registerWorkflowImplementationTypes(
            WorkflowPresets.implementationOptions(Duration.ofSeconds(9), List.of(Steps.class)),
            TwoStepsImpl.class);
    env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(new StepsImpl());
    env.start();

    scheduledSteps("with-override")
        .forEach(
            step -> {
              assertEquals(9, step.getHeartbeatTimeout().getSeconds(), step.toString());
              assertEquals(TaskQueues.GPU, step.getTaskQueue().getName());
              assertEquals(
                  ActivityPresets.gpuCompute().getStartToCloseTimeout().getSeconds(),
                  step.getStartToCloseTimeout().getSeconds());
            });
  }

  @Test
  void withoutOverrideThePresetsApply() {
    env.newWorker(TaskQueues.CPU)
        .registerWorkflowImplementationTypes(
            WorkflowPresets.implementationOptions(), TwoStepsImpl.class);
    env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(new StepsImpl());
    env.start();

    scheduledSteps("presets")
        .forEach(step -> assertEquals(120, step.getHeartbeatTimeout().getSeconds()));
  }

  private List<ActivityTaskScheduledEventAttributes> scheduledSteps(String id) {
    env.getWorkflowClient()
        .newWorkflowStub(
            TwoSteps.class,
            WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CPU).build())
        .run();
    List<ActivityTaskScheduledEventAttributes> scheduled =
        env.getWorkflowClient().fetchHistory(id).getEvents().stream()
            .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
            .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
            .toList();
    assertEquals(2, scheduled.size());
    return scheduled;
  }

  @ActivityInterface
  public interface Steps {
    String first();

    String second();
  }

  static class StepsImpl implements Steps {
    @Override
    public String first() {
      return "a";
    }

    @Override
    public String second() {
      return "b";
    }
  }

  @WorkflowInterface
  public interface TwoSteps {
    @WorkflowMethod
    String run();
  }

  /** Two steps through a stub built from the GPU preset, as every pipeline builds its stubs. */
  public static class TwoStepsImpl implements TwoSteps {
    private final Steps steps = Workflow.newActivityStub(Steps.class, ActivityPresets.gpuCompute());

    @Override
    public String run() {
      return steps.first() + steps.second();
    }
  }
}
