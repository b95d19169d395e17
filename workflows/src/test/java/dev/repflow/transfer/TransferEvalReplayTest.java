package dev.repflow.transfer;

import static dev.repflow.transfer.TransferEvalFixtures.backbone;
import static dev.repflow.transfer.TransferEvalFixtures.features;
import static dev.repflow.transfer.TransferEvalFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.TaskQueues;
import dev.repflow.data.DataActivities;
import dev.repflow.data.DatasetSpec;
import dev.repflow.data.Split;
import dev.repflow.eval.EvalActivities;
import dev.repflow.eval.KnnResult;
import dev.repflow.models.BackboneRef;
import dev.repflow.models.ModelActivities;
import dev.repflow.models.ModelSpec;
import dev.repflow.models.TrainSpec;
import dev.repflow.models.TrainedBackbone;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards determinism: a history recorded from an earlier build must replay on the current code.
 *
 * <p>When the workflow changes on purpose (behind {@code Workflow.getVersion}), record a new
 * history with {@code mvn -pl workflows test -Dtest=TransferEvalReplayTest
 * -Drepflow.recordHistory=true} and commit it beside the old one.
 */
class TransferEvalReplayTest {
  private static final Path RECORDED =
      Path.of("src/test/resources/histories/transfer-eval-v1.json");

  @Test
  void recordedHistoryReplaysOnCurrentCode() throws Exception {
    if (Boolean.getBoolean("repflow.recordHistory")) {
      Files.writeString(RECORDED, recordHistory());
    }
    WorkflowReplayer.replayWorkflowExecution(
        Files.readString(RECORDED), TransferEvalWorkflowImpl.class);
  }

  @Test
  void replayDetectsAChangedRecipe() throws Exception {
    String history = Files.readString(RECORDED);
    Exception e =
        org.junit.jupiter.api.Assertions.assertThrows(
            Exception.class,
            () -> WorkflowReplayer.replayWorkflowExecution(history, ReorderedWorkflow.class));
    assertTrue(e.toString().contains("NonDeterministic"), e.toString());
  }

  private static String recordHistory() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      var cpu = env.newWorker(TaskQueues.CPU);
      cpu.registerWorkflowImplementationTypes(TransferEvalWorkflowImpl.class);
      cpu.registerActivitiesImplementations(new FakeData(), new FakeEval());
      env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(new FakeModels());
      env.start();
      var wf =
          env.getWorkflowClient()
              .newWorkflowStub(
                  TransferEvalWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId("recorded")
                      .setTaskQueue(TaskQueues.CPU)
                      .build());
      wf.run(spec(true));
      return env.getWorkflowClient().fetchHistory("recorded").toJson(true);
    }
  }

  /** Same interface, steps in another order: must not replay the recorded history. */
  public static class ReorderedWorkflow extends TransferEvalWorkflowImpl {
    private final EvalActivities eval =
        io.temporal.workflow.Workflow.newActivityStub(
            EvalActivities.class, dev.repflow.common.ActivityPresets.cpuCompute());

    @Override
    public TransferEvalResult run(TransferEvalSpec spec) {
      eval.knn(new RunContext("unit", true), "first", null, null, 1);
      return super.run(spec);
    }
  }

  static final class FakeModels implements ModelActivities {
    @Override
    public TrainedBackbone pretrain(
        RunContext r, DatasetSpec d, List<Integer> c, ModelSpec m, TrainSpec t) {
      return backbone(false);
    }

    @Override
    public BackboneRef.TorchScript inspectTorchScript(RunContext r, String dir) {
      throw new UnsupportedOperationException("the transfer pipeline pretrains its backbone");
    }

    @Override
    public StepResult embed(RunContext r, DatasetSpec d, Split s, List<Integer> c, BackboneRef b) {
      return features("emb-" + s.id(), 10, 16, false);
    }
  }

  static final class FakeData implements DataActivities {
    @Override
    public StepResult exportPixels(RunContext r, DatasetSpec d, Split s, List<Integer> c) {
      return features("px-" + s.id(), 10, 784, false);
    }
  }

  static final class FakeEval implements EvalActivities {
    @Override
    public KnnResult knn(RunContext r, String name, ArtifactRef m, ArtifactRef q, int k) {
      return TransferEvalFixtures.knn(name, false);
    }
  }
}
