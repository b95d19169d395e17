package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepResult;
import dev.repflow.common.StepProgress;
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
import dev.repflow.reports.ReportActivities;
import dev.repflow.reports.RunReport;
import dev.repflow.reports.RunReportRequest;
import dev.repflow.transfer.TransferEvalResult;
import dev.repflow.transfer.TransferEvalSpec;
import dev.repflow.transfer.TransferEvalWorkflow;
import dev.repflow.transfer.TransferEvalWorkflowImpl;
import dev.repflow.worker.config.ConfigLoader;
import dev.repflow.worker.runtime.EmbeddedTemporal;
import dev.repflow.worker.runtime.TemporalConnection;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live view: stage changes from the query, batch progress from activity heartbeats. */
class ProgressMonitorTest {
  private static final ArtifactRef REF =
      new ArtifactRef("s3://b/x/y.h5", "0".repeat(64), 1, List.of(2L, 2L), "hdf5");

  @Test
  void printsStagesAndHeartbeatsWhileTheRunGoesOn() throws Exception {
    try (EmbeddedTemporal server = EmbeddedTemporal.start(0);
        TemporalConnection connection = TemporalConnection.connect(server.target(), "default")) {
      WorkerFactory factory = WorkerFactory.newInstance(connection.client());
      WorkerOptions fastHeartbeats =
          WorkerOptions.newBuilder()
              .setMaxHeartbeatThrottleInterval(Duration.ofMillis(100))
              .build();
      var cpu = factory.newWorker(TaskQueues.CPU, fastHeartbeats);
      cpu.registerWorkflowImplementationTypes(TransferEvalWorkflowImpl.class);
      cpu.registerActivitiesImplementations(
          new InstantData(), new InstantEval(), new InstantReport());
      factory
          .newWorker(TaskQueues.GPU, fastHeartbeats)
          .registerActivitiesImplementations(new SlowModels());
      factory.start();

      WorkflowStub stub =
          connection
              .client()
              .newUntypedWorkflowStub(
                  TransferEvalWorkflow.TYPE,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue(TaskQueues.CPU)
                      .setWorkflowId("live")
                      .build());
      stub.start(
          ConfigLoader.load(java.nio.file.Path.of(RunCommandTest.TINY), TransferEvalSpec.class));
      StringWriter text = new StringWriter();

      TransferEvalResult result =
          new ProgressMonitor(connection, new PrintWriter(text))
              .await(stub, TransferEvalResult.class);

      assertEquals(7, result.totalSteps());
      String out = text.toString();
      assertTrue(out.matches("(?s).*pretrain\\s+running.*"), out);
      assertTrue(out.contains("  pretrain: epoch 1/1 batch"), out);
      assertTrue(out.matches("(?s).*knn-pixels\\s+done.*"), out);
      assertTrue(out.matches("(?s).*report.html\\s+done\\s+s3://b/x/y.h5.*"), out);
      factory.shutdownNow();
    }
  }

  /** Training that takes a few seconds and heartbeats like the real one. */
  static final class SlowModels implements ModelActivities {
    @Override
    public TrainedBackbone pretrain(
        RunContext run, DatasetSpec d, List<Integer> c, ModelSpec model, TrainSpec t) {
      for (int batch = 1; batch <= 12; batch++) {
        Activity.getExecutionContext()
            .heartbeat(
                StepProgress.of(
                    "pretrain", "batch", batch, 12, "epoch 1/1 batch " + batch + "/12"));
        sleep(250);
      }
      return new TrainedBackbone(REF, model, c.size(), 0.5, 1.0, false, null);
    }

    @Override
    public StepResult embed(
        RunContext run, DatasetSpec d, Split s, List<Integer> c, BackboneRef b) {
      return new StepResult(REF, false);
    }

    @Override
    public BackboneRef.TorchScript inspectTorchScript(RunContext run, String dir) {
      throw new UnsupportedOperationException("no TorchScript backbone in this test");
    }
  }

  static final class InstantData implements DataActivities {
    @Override
    public StepResult exportPixels(RunContext run, DatasetSpec d, Split s, List<Integer> c) {
      return new StepResult(REF, false);
    }
  }

  static final class InstantEval implements EvalActivities {
    @Override
    public KnnResult knn(RunContext run, String name, ArtifactRef m, ArtifactRef q, int k) {
      return new KnnResult(name, REF, k, 2, 2, 1.0, 1.0, false);
    }
  }

  static final class InstantReport implements ReportActivities {
    @Override
    public RunReport write(RunReportRequest request) {
      return new RunReport(REF, REF, List.of());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
