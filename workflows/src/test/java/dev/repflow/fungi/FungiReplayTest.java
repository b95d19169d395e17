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
 * Guards determinism: histories recorded from earlier builds must replay on the current code. v1
 * planned the projection before pretraining; v2 (behind {@code
 * Workflow.getVersion("backbone-ref")}) pretrains first and plans for the trained backbone. Record
 * the current recipe with {@code mvn -pl workflows test -Dtest=FungiReplayTest
 * -Drepflow.recordHistory=true} when it changes on purpose (behind {@code Workflow.getVersion}), as
 * a new file.
 */
class FungiReplayTest {
  private static final Path BEFORE_BACKBONE_REF =
      Path.of("src/test/resources/histories/fungi-v1.json");
  private static final Path CURRENT = Path.of("src/test/resources/histories/fungi-v2.json");

  @Test
  void historyRecordedBeforeBackboneReferencesReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        Files.readString(BEFORE_BACKBONE_REF), FungiWorkflowImpl.class);
  }

  @Test
  void currentRecipeReplays() throws Exception {
    if (Boolean.getBoolean("repflow.recordHistory")) {
      Files.writeString(CURRENT, recordHistory());
    }
    WorkflowReplayer.replayWorkflowExecution(Files.readString(CURRENT), FungiWorkflowImpl.class);
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
