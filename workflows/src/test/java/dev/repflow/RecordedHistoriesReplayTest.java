package dev.repflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.anchoring.AnchoringWorkflowImpl;
import dev.repflow.artifacts.RunContext;
import dev.repflow.collapse.CollapseWorkflowImpl;
import dev.repflow.common.ActivityPresets;
import dev.repflow.common.WorkflowPresets;
import dev.repflow.eval.EvalActivities;
import dev.repflow.fungi.FungiWorkflowImpl;
import dev.repflow.imprinting.ImprintingWorkflowImpl;
import dev.repflow.stitching.StitchingWorkflowImpl;
import dev.repflow.sweep.SweepWorkflowImpl;
import dev.repflow.transfer.TransferEvalResult;
import dev.repflow.transfer.TransferEvalSpec;
import dev.repflow.transfer.TransferEvalWorkflowImpl;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every history under {@code src/test/resources/histories/} replays on the current workflow code,
 * registered as a worker registers it (implementation options and worker interceptors). The {@code
 * cli-*.json} histories come from real {@code repflow run}s (the worker module's {@code
 * RecordHistories} records them; the folder's README says how), so they hold what a user's run
 * writes: memo, search-attribute upserts, stage details and the report step. The other files were
 * recorded with mocked activities from earlier builds and keep the recipes before each {@code
 * Workflow.getVersion} change replayed (the folder's README lists them).
 */
class RecordedHistoriesReplayTest {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");

  private static final List<Class<?>> WORKFLOWS =
      List.of(
          TransferEvalWorkflowImpl.class,
          FungiWorkflowImpl.class,
          AnchoringWorkflowImpl.class,
          CollapseWorkflowImpl.class,
          ImprintingWorkflowImpl.class,
          StitchingWorkflowImpl.class,
          SweepWorkflowImpl.class);

  @Test
  void everyRecordedHistoryReplays() throws Exception {
    List<Path> files = histories("");
    assertTrue(files.size() >= WORKFLOWS.size(), files.toString());
    try (TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(WorkflowPresets.workerInterceptors())
                        .build())
                .build())) {
      Worker worker = env.newWorker("replay");
      worker.registerWorkflowImplementationTypes(
          WorkflowPresets.implementationOptions(), WORKFLOWS.toArray(Class<?>[]::new));
      for (Path file : files) {
        try {
          WorkflowReplayer.replayWorkflowExecution(read(file), worker);
        } catch (Exception | AssertionError e) {
          throw new AssertionError(file.getFileName() + " does not replay: " + e, e);
        }
      }
    }
  }

  /** The guard can fail: an extra step before the recipe is caught on the transfer history. */
  @Test
  void aChangedRecipeDoesNotReplay() throws Exception {
    WorkflowExecutionHistory history = read(HISTORIES.resolve("cli-transfer.json"));
    Exception e =
        assertThrows(
            Exception.class,
            () -> WorkflowReplayer.replayWorkflowExecution(history, ExtraStepWorkflow.class));
    assertTrue(e.toString().contains("NonDeterministic"), e.toString());
  }

  /** One history per workflow type from the CLI, with what only a CLI-started run records. */
  @Test
  void everyWorkflowHasACliRecordedHistory() throws IOException {
    Set<String> types = new TreeSet<>();
    for (Path file : histories("cli-")) {
      WorkflowExecutionHistory history = read(file);
      List<HistoryEvent> events = history.getEvents();
      types.add(
          events.get(0).getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName());
      assertTrue(
          events.get(0).getWorkflowExecutionStartedEventAttributes().hasSearchAttributes(),
          file + ": started without search attributes");
      for (EventType type :
          List.of(
              EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES,
              EventType.EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED,
              EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED)) {
        assertTrue(
            events.stream().anyMatch(e -> e.getEventType() == type), file + " lacks " + type);
      }
    }
    Set<String> expected = new TreeSet<>();
    WORKFLOWS.forEach(c -> expected.add(c.getSimpleName().replace("Impl", "")));
    assertEquals(expected, types);
  }

  private static List<Path> histories(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(prefix))
          .filter(f -> f.toString().endsWith(".json"))
          .sorted()
          .toList();
    }
  }

  /** The recorder names each file after its run's workflow id, which child ids derive from. */
  private static WorkflowExecutionHistory read(Path file) throws IOException {
    String id = file.getFileName().toString().replaceFirst("\\.json$", "");
    return WorkflowExecutionHistory.fromJson(Files.readString(file), id);
  }

  /** The transfer workflow with one more step first. */
  public static class ExtraStepWorkflow extends TransferEvalWorkflowImpl {
    private final EvalActivities eval =
        Workflow.newActivityStub(EvalActivities.class, ActivityPresets.cpuCompute());

    @Override
    public TransferEvalResult run(TransferEvalSpec spec) {
      eval.knn(new RunContext("unit", true), "first", null, null, 1);
      return super.run(spec);
    }
  }
}
