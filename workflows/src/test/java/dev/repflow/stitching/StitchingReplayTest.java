package dev.repflow.stitching;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import dev.repflow.common.TaskQueues;
import dev.repflow.models.ModelActivities;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards determinism: a history recorded from an earlier build must replay on the current code.
 * Record a new one with {@code -Dtest=StitchingReplayTest -Drepflow.recordHistory=true} when the
 * recipe changes on purpose (behind {@code Workflow.getVersion}).
 */
class StitchingReplayTest {
  private static final Path RECORDED = Path.of("src/test/resources/histories/stitching-v1.json");

  @Test
  void recordedHistoryReplaysOnCurrentCode() throws Exception {
    if (Boolean.getBoolean("repflow.recordHistory")) {
      Files.writeString(RECORDED, recordHistory());
    }
    WorkflowReplayer.replayWorkflowExecution(
        Files.readString(RECORDED), StitchingWorkflowImpl.class);
  }

  private static String recordHistory() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      var models = mock(ModelActivities.class, withSettings().withoutAnnotations());
      var stitching = mock(StitchingActivities.class, withSettings().withoutAnnotations());
      StitchingWorkflowTest.stub(models, stitching);
      env.newWorker(TaskQueues.CPU)
          .registerWorkflowImplementationTypes(StitchingWorkflowImpl.class);
      env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(models, stitching);
      env.start();
      env.getWorkflowClient()
          .newWorkflowStub(
              StitchingWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId("recorded")
                  .setTaskQueue(TaskQueues.CPU)
                  .build())
          .run(StitchingWorkflowTest.spec(List.of(5, 6), List.of(7, 8)));
      return env.getWorkflowClient().fetchHistory("recorded").toJson(true);
    }
  }
}
