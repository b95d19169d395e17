package dev.repflow.fungi;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import dev.repflow.common.TaskQueues;
import dev.repflow.models.ModelActivities;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Guards determinism: a history recorded from an earlier build must replay on the current code.
 * Record a new one with {@code mvn -pl workflows test -Dtest=FungiReplayTest
 * -Drepflow.recordHistory=true} when the recipe changes on purpose (behind {@code
 * Workflow.getVersion}).
 */
class FungiReplayTest {
  private static final Path RECORDED = Path.of("src/test/resources/histories/fungi-v1.json");

  @Test
  void recordedHistoryReplaysOnCurrentCode() throws Exception {
    if (Boolean.getBoolean("repflow.recordHistory")) {
      Files.writeString(RECORDED, recordHistory());
    }
    WorkflowReplayer.replayWorkflowExecution(Files.readString(RECORDED), FungiWorkflowImpl.class);
  }

  private static String recordHistory() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      ModelActivities models = mock(ModelActivities.class, withSettings().withoutAnnotations());
      GradientActivities gradients =
          mock(GradientActivities.class, withSettings().withoutAnnotations());
      FungiEvalActivities eval =
          mock(FungiEvalActivities.class, withSettings().withoutAnnotations());
      FungiWorkflowTest.stub(models, gradients, eval);
      var cpu = env.newWorker(TaskQueues.CPU);
      cpu.registerWorkflowImplementationTypes(FungiWorkflowImpl.class);
      cpu.registerActivitiesImplementations(eval);
      env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(models, gradients);
      env.start();
      env.getWorkflowClient()
          .newWorkflowStub(
              FungiWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId("recorded")
                  .setTaskQueue(TaskQueues.CPU)
                  .build())
          .run(FungiWorkflowTest.spec());
      return env.getWorkflowClient().fetchHistory("recorded").toJson(true);
    }
  }
}
