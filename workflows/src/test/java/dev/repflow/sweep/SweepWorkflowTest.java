package dev.repflow.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.repflow.common.PipelineProgress;
import dev.repflow.common.TaskQueues;
import dev.repflow.reports.FakeReports;
import dev.repflow.transfer.TransferEvalResult;
import dev.repflow.transfer.TransferEvalSpec;
import dev.repflow.transfer.TransferEvalWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SweepWorkflowTest {
  /** Inputs the fake pipeline received, by workflow id. */
  static final Map<String, TransferEvalSpec> RECEIVED = new ConcurrentHashMap<>();

  private TestWorkflowEnvironment env;
  private SweepActivities sweeps;

  @BeforeEach
  void setUp() {
    RECEIVED.clear();
    env = TestWorkflowEnvironment.newInstance();
    sweeps = mock(SweepActivities.class, withSettings().withoutAnnotations());
    when(sweeps.report(any()))
        .thenReturn(new SweepSummary(FakeReports.report("sw/reports/s"), List.of()));
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(SweepWorkflowImpl.class, FakeTransfer.class);
    cpu.registerActivitiesImplementations(sweeps);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void runsOneChildPerPointWithItsValuesAndReportsEveryOutcome() throws Exception {
    SweepSpec spec =
        new SweepSpec(
            SweepSpecTest.base(),
            Map.of("pretrain.seed", List.of(1, 2, 3)),
            Map.of("evaluate.k", List.of(5, 13)),
            2,
            0,
            null);
    SweepResult result = workflow("s").run(spec);

    assertEquals(6, result.points().size());
    assertEquals("s-p004", result.points().get(4).workflowId());
    assertEquals(2, RECEIVED.get("s-p004").pretrain().seed());
    assertEquals(13, RECEIVED.get("s-p004").evaluate().k());
    assertEquals(List.of(0, 1, 2, 3), RECEIVED.get("s-p004").evaluate().classes());
    // k = 13 fails in the fake: those points are reported, the others complete.
    assertNull(result.points().get(0).error());
    assertTrue(
        result.points().get(3).error().contains("unlucky k"), result.points().get(3).error());
    assertEquals("s3://repflow/sw/reports/s/report.html", result.report());

    ArgumentCaptor<SweepReportRequest> request = ArgumentCaptor.forClass(SweepReportRequest.class);
    verify(sweeps).report(request.capture());
    assertEquals(6, request.getValue().points().size());
    assertEquals("s", request.getValue().sweepId());
    assertTrue(maxChildrenInFlight(history("s", null)) <= 2);
    WorkflowReplayer.replayWorkflowExecution(
        env.getWorkflowClient().fetchHistory("s"), SweepWorkflowImpl.class);
  }

  @Test
  void aLargeSweepContinuesAsNewSoEveryHistoryStaysSmall() {
    SweepSpec spec =
        new SweepSpec(
            SweepSpecTest.base(),
            Map.of("pretrain.seed", List.of(1, 2, 3)),
            Map.of("evaluate.k", rangeWithout13(40)),
            8,
            50,
            null);
    WorkflowClient client = env.getWorkflowClient();
    SweepWorkflow wf = workflow("big");
    WorkflowExecution first = WorkflowClient.start(wf::run, spec);
    SweepResult result = client.newUntypedWorkflowStub("big").getResult(SweepResult.class);

    assertEquals(120, result.points().size());
    assertTrue(result.points().stream().allMatch(PointOutcome::ok));
    for (int i = 0; i < 120; i++) {
      assertEquals(i, result.points().get(i).index());
    }
    List<Integer> eventsPerRun = new ArrayList<>();
    String runId = first.getRunId();
    while (runId != null) {
      List<HistoryEvent> events = history("big", runId);
      eventsPerRun.add(events.size());
      assertTrue(maxChildrenInFlight(events) <= 8);
      HistoryEvent last = events.get(events.size() - 1);
      runId =
          last.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
              ? last.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId()
              : null;
    }
    assertEquals(3, eventsPerRun.size(), eventsPerRun.toString());
    assertTrue(eventsPerRun.stream().allMatch(n -> n < 400), eventsPerRun.toString());
    PipelineProgress progress = wf.progress();
    assertEquals(121, progress.stages().size());
  }

  private SweepWorkflow workflow(String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            SweepWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CPU).build());
  }

  private List<HistoryEvent> history(String id, String runId) {
    return env.getWorkflowClient().fetchHistory(id, runId).getEvents();
  }

  private static List<Object> rangeWithout13(int n) {
    List<Object> ks = new ArrayList<>();
    for (int k = 1; ks.size() < n; k++) {
      if (k != 13) {
        ks.add(k);
      }
    }
    return ks;
  }

  private static int maxChildrenInFlight(List<HistoryEvent> events) {
    int inFlight = 0;
    int max = 0;
    for (HistoryEvent e : events) {
      switch (e.getEventType()) {
        case EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED -> max = Math.max(max, ++inFlight);
        case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED,
            EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED ->
            inFlight--;
        default -> {}
      }
    }
    return max;
  }

  /** Stands in for the pipeline: records its input, fails for k = 13. */
  public static class FakeTransfer implements TransferEvalWorkflow {
    @Override
    public TransferEvalResult run(TransferEvalSpec spec) {
      RECEIVED.put(io.temporal.workflow.Workflow.getInfo().getWorkflowId(), spec);
      if (spec.evaluate().k() == 13) {
        throw ApplicationFailure.newNonRetryableFailure("unlucky k", "Test");
      }
      return new TransferEvalResult(null, null, null, List.of(), 0, 0);
    }

    @Override
    public PipelineProgress progress() {
      return new PipelineProgress(TYPE, List.of());
    }
  }
}
