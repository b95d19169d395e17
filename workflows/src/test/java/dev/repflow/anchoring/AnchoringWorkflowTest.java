package dev.repflow.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.common.StageStatus;
import dev.repflow.common.TaskQueues;
import dev.repflow.data.DatasetSpec;
import dev.repflow.models.ModelSpec;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnchoringWorkflowTest {
  private static final ModelSpec MODEL = new ModelSpec("cnn", 8, 16);
  private static final AnchoringSpec SPEC =
      new AnchoringSpec(
          null,
          "unit",
          new DatasetSpec(null, "/data/fmnist", 50, 20),
          MODEL,
          new AnchorTraining(2, 32, null, null, null, 7, List.of(0.0, 0.25), true),
          new CorruptionSpec(List.of("fog", "contrast"), List.of(1, 5), 3L, null),
          new InferenceSpec(2, null, 0, 0),
          true);

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
    cpuWorker.registerActivitiesImplementations(cpu);
    env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(gpu);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  static ArtifactRef ref(String name) {
    String sha = String.format("%064x", Math.abs((long) name.hashCode()));
    return new ArtifactRef("s3://repflow/unit/" + name, sha, 10, List.of(), "json");
  }

  @Test
  void trainsEveryModelCorruptsEverySetAndInfersEveryPair() {
    when(gpu.train(any(), any(), any(), any(), any()))
        .thenAnswer(
            call -> {
              ModelVariant v = call.getArgument(4);
              return new AnchoredModel(v, MODEL, 10, ref(v.name()), 2, 0.9, 0.3, false);
            });
    when(cpu.corrupt(any(), any(), anyString(), any()))
        .thenAnswer(
            call -> {
              String name = call.getArgument(2);
              List<Integer> sev = name.equals(CorruptedSet.CLEAN) ? List.of(0) : List.of(1, 5);
              return new CorruptedSet(name, ref(name + ".h5"), sev, false);
            });
    when(gpu.infer(any(), any(), any(), any(), any()))
        .thenAnswer(
            call -> {
              AnchoredModel m = call.getArgument(2);
              CorruptedSet set = call.getArgument(3);
              var metrics =
                  set.severities().stream()
                      .map(s -> new SeverityMetrics(s, 10, 0.5, 0.1, 1.0, 0.0))
                      .toList();
              return new CorruptionMetrics(
                  m.variant().name(), set.corruption(), metrics, ref("p"), false);
            });
    when(cpu.report(any(), anyList()))
        .thenReturn(
            new AnchoringReport(
                ref("t.json"),
                ref("p.svg"),
                List.of(new SummaryRow("standard", 0, 1, 0.5, 0.1, 1.0, 0.0)),
                false));

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
