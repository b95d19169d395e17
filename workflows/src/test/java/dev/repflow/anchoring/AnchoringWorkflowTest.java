package dev.repflow.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import dev.repflow.common.StageStatus;
import dev.repflow.common.TaskQueues;
import dev.repflow.models.ModelSpec;
import dev.repflow.reports.FakeReports;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnchoringWorkflowTest {
  private static final ModelSpec MODEL = AnchoringFixtures.MODEL;
  private static final AnchoringSpec SPEC = AnchoringFixtures.SPEC;

  private TestWorkflowEnvironment env;
  private AnchoringActivities gpu;
  private CorruptionActivities cpu;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    gpu = mock(AnchoringActivities.class, withSettings().withoutAnnotations());
    cpu = mock(CorruptionActivities.class, withSettings().withoutAnnotations());
    Worker cpuWorker = env.newWorker(TaskQueues.CPU);
    cpuWorker.registerWorkflowImplementationTypes(AnchoringWorkflowImpl.class);
    cpuWorker.registerActivitiesImplementations(cpu, new FakeReports());
    env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(gpu);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void trainsEveryModelCorruptsEverySetAndInfersEveryPair() {
    AnchoringFixtures.stub(gpu, cpu);

    AnchoringWorkflow wf =
        env.getWorkflowClient()
            .newWorkflowStub(
                AnchoringWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("anchoring-1")
                    .setTaskQueue(TaskQueues.CPU)
                    .build());
    AnchoringResult result = wf.run(SPEC);

    assertEquals(
        List.of("standard", "anchored-a0.00", "anchored-a0.25"),
        result.models().stream().map(m -> m.variant().name()).toList());
    // 3 models + 3 sets (clean, fog, contrast) + 3 x 3 inferences + report.
    assertEquals(16, result.totalSteps());
    verify(gpu, times(3)).train(any(), any(), eq(MODEL), eq(SPEC.train()), any());
    verify(cpu).corrupt(any(), any(), eq(CorruptedSet.CLEAN), eq(SPEC.corruptions()));
    verify(gpu, times(9)).infer(any(), any(), any(), any(), eq(SPEC.inference()));
    verify(cpu).report(any(), anyList());
    assertTrue(
        wf.progress().stages().stream().allMatch(s -> s.state() == StageStatus.State.DONE),
        wf.progress().toString());
  }
}
