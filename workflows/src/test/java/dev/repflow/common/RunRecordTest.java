package dev.repflow.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.artifacts.RunContext;
import dev.repflow.artifacts.StepOutcome;
import dev.repflow.data.DatasetSpec;
import dev.repflow.reports.FakeReports;
import dev.repflow.reports.RunReportRequest;
import io.temporal.activity.ActivityInterface;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What any run shows outside: memo and search attributes whoever started it, activity summaries,
 * current details, and the report with its headline in the memo, on a two-stage test pipeline.
 */
class RunRecordTest {
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeReports reports = new FakeReports();

  @BeforeEach
  void setUp() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new ActivitySummaries())
                        .build())
                .build());
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(TwoStageImpl.class);
    cpu.registerActivitiesImplementations(new StepsImpl(), reports);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void aRunStartedWithoutMemoWritesItsOwnAndPublishesItsReport() {
    WorkflowStub run = start("bare", WorkflowOptions.newBuilder());
    assertEquals("done a+b", run.getResult(String.class));

    var description = run.describe();
    assertEquals("two-stage", description.getMemo(RunRecord.PIPELINE, String.class));
    assertEquals("exp-1", description.getMemo(RunRecord.EXPERIMENT, String.class));
    Map<?, ?> spec = (Map<?, ?>) description.getMemo(RunRecord.SPEC, Map.class);
    assertEquals("exp-1", spec.get("experiment"));
    assertEquals(
        "s3://repflow/exp-1/reports/bare/report.html",
        description.getMemo(RunRecord.REPORT, String.class));
    List<?> headline = (List<?>) description.getMemo(RunRecord.HEADLINE, List.class);
    assertEquals(Map.of("name", "accuracy", "value", 0.5), headline.get(0));

    RunReportRequest request = reports.requests.get(0);
    assertEquals("bare", request.workflowId());
    assertEquals(TwoStage.TYPE, request.workflowType());
    assertEquals("done a+b", request.result());
  }

  @Test
  void everyActivityCarriesItsStageAsSummary() {
    start("summaries", WorkflowOptions.newBuilder()).getResult(String.class);
    List<String> summaries =
        client.fetchHistory("summaries").getEvents().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .map(e -> e.getUserMetadata().getSummary().getData().toStringUtf8())
            .toList();
    assertEquals(List.of("\"step a of exp-1\"", "\"step-b\"", "\"report.html\""), summaries);
  }

  @Test
  void currentDetailsShowTheProgressTable() {
    start("details", WorkflowOptions.newBuilder()).getResult(String.class);
    WorkflowMetadata metadata =
        client
            .newUntypedWorkflowStub("details")
            .query("__temporal_workflow_metadata", WorkflowMetadata.class);
    String details = metadata.getCurrentDetails();
    assertTrue(details.contains("3 of 3 stages finished"), details);
    assertTrue(details.contains("| step (2) | 2 | 0 | 0 | 0 | 0 |"), details);
  }

  @Test
  void aMemoFromTheClientIsKept() {
    WorkflowStub run =
        start("with-memo", WorkflowOptions.newBuilder().setMemo(Map.of("spec", "{\"from\":1}")));
    run.getResult(String.class);
    assertEquals("{\"from\":1}", run.describe().getMemo(RunRecord.SPEC, String.class));
  }

  @Test
  void oneRepflowSearchAttributeAtStartLetsTheRunSetTheOthers() {
    RepflowSearchAttributes.ALL.forEach(
        key ->
            env.registerSearchAttribute(
                key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    WorkflowStub run =
        start(
            "attributes",
            WorkflowOptions.newBuilder()
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(RepflowSearchAttributes.MODEL, "given")
                        .build()));
    run.getResult(String.class);
    SearchAttributes attributes = run.describe().getTypedSearchAttributes();
    assertEquals("exp-1", attributes.get(RepflowSearchAttributes.EXPERIMENT));
    assertEquals(TwoStage.TYPE, attributes.get(RepflowSearchAttributes.PIPELINE));
    assertEquals(RunRecord.REPORT_STAGE, attributes.get(RepflowSearchAttributes.STAGE));
  }

  @Test
  void withoutRepflowSearchAttributesNoneIsSet() {
    WorkflowStub run = start("no-attributes", WorkflowOptions.newBuilder());
    run.getResult(String.class);
    assertEquals(0, run.describe().getTypedSearchAttributes().size());
  }

  private WorkflowStub start(String id, WorkflowOptions.Builder options) {
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            TwoStage.TYPE, options.setWorkflowId(id).setTaskQueue(TaskQueues.CPU).build());
    stub.start(new TestSpec("two-stage", "exp-1"));
    return stub;
  }

  /** A spec for the test pipeline. */
  public record TestSpec(String pipeline, String experiment) implements PipelineSpec {
    @Override
    public DatasetSpec dataset() {
      return DatasetSpec.defaults();
    }

    @Override
    public String modelLabel() {
      return "none";
    }

    @Override
    public PipelineSpec withUseCache(boolean on) {
      return this;
    }
  }

  /** One step's outcome. */
  public record Out(String value) implements StepOutcome {
    @Override
    public boolean cached() {
      return false;
    }

    @Override
    public String summary() {
      return value;
    }
  }

  @ActivityInterface
  public interface StepActivities {
    Out step(String name);
  }

  public static class StepsImpl implements StepActivities {
    @Override
    public Out step(String name) {
      return new Out(name);
    }
  }

  @WorkflowInterface
  public interface TwoStage {
    String TYPE = "TwoStage";

    @WorkflowMethod(name = TYPE)
    String run(TestSpec spec);

    @QueryMethod
    PipelineProgress progress();
  }

  /** Two parallel steps, one with a longer summary than its stage name. */
  public static class TwoStageImpl implements TwoStage {
    private final StepActivities steps =
        Workflow.newActivityStub(StepActivities.class, ActivityPresets.cpuCompute());
    private StageTracker tracker = new StageTracker(TYPE, List.of());

    @Override
    public String run(TestSpec spec) {
      tracker = new StageTracker(TYPE, List.of("step-a", "step-b"));
      RunRecord record = RunRecord.begin(RunLabels.of(TYPE, spec), spec, tracker);
      Steps s = new Steps(tracker);
      Promise<Out> a = s.start("step-a", "step a of " + spec.experiment(), () -> steps.step("a"));
      Promise<Out> b = s.start("step-b", () -> steps.step("b"));
      String result = "done " + a.get().value() + "+" + b.get().value();
      return record.finish(new RunContext(spec.experiment(), true), result);
    }

    @Override
    public PipelineProgress progress() {
      return tracker.snapshot();
    }
  }
}
