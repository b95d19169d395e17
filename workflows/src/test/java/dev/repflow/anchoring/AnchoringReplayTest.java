package dev.repflow.anchoring;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import dev.repflow.common.TaskQueues;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Guards determinism: a recorded history must replay on the current code. Record a new one with
 * {@code mvn -pl workflows test -Dtest=AnchoringReplayTest -Drepflow.recordHistory=true}.
 */
class AnchoringReplayTest {
  private static final Path RECORDED = Path.of("src/test/resources/histories/anchoring-v1.json");

  @Test
  void recordedHistoryReplaysOnCurrentCode() throws Exception {
    if (Boolean.getBoolean("repflow.recordHistory")) {
      Files.writeString(RECORDED, recordHistory());
    }
    WorkflowReplayer.replayWorkflowExecution(
        Files.readString(RECORDED), AnchoringWorkflowImpl.class);
  }

  private static String recordHistory() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      AnchoringActivities gpu =
          mock(AnchoringActivities.class, withSettings().withoutAnnotations());
      CorruptionActivities cpu =
          mock(CorruptionActivities.class, withSettings().withoutAnnotations());
      AnchoringFixtures.stub(gpu, cpu);
      var cpuWorker = env.newWorker(TaskQueues.CPU);
      cpuWorker.registerWorkflowImplementationTypes(AnchoringWorkflowImpl.class);
      cpuWorker.registerActivitiesImplementations(cpu);
      env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(gpu);
      env.start();
      env.getWorkflowClient()
          .newWorkflowStub(
              AnchoringWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId("recorded")
                  .setTaskQueue(TaskQueues.CPU)
                  .build())
          .run(AnchoringFixtures.SPEC);
      return env.getWorkflowClient().fetchHistory("recorded").toJson(true);
    }
  }
}
