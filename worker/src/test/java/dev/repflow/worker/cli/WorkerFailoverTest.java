package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.transfer.TransferEvalResult;
import dev.repflow.worker.runtime.EmbeddedS3;
import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.common.WorkflowExecutionHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out on one machine: {@code repflow dev} and two {@code repflow worker} processes on
 * loopback, a run started with {@code repflow run --no-worker}. A worker killed in the middle of a
 * training step hands it to the other one; a worker stopped with SIGTERM finishes it first.
 */
@Tag("cluster")
class WorkerFailoverTest {
  private static final int EPOCHS = 5;
  private static final String PRETRAIN = "PretrainBackbone";
  private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration GRACE = Duration.ofSeconds(120);
  private static final Duration LIMIT = Duration.ofSeconds(300);

  @TempDir Path dir;
  private ProcessCluster cluster;

  @BeforeEach
  void setUp() throws Exception {
    cluster = ProcessCluster.start(dir);
    System.setProperty("aws.accessKeyId", EmbeddedS3.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", EmbeddedS3.SECRET_KEY);
  }

  @AfterEach
  void tearDown() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    cluster.close();
  }

  @Test
  void aKilledWorkersTrainingMovesToTheOtherWorkerAndResumesFromItsCheckpoint() throws Exception {
    ProcessCluster.Worker a = cluster.startWorker("worker-a", HEARTBEAT_TIMEOUT, GRACE);
    ProcessCluster.Worker b = cluster.startWorker("worker-b", HEARTBEAT_TIMEOUT, GRACE);
    start("reference");
    start("disturbed");

    PendingActivityInfo training = midTraining("disturbed");
    ProcessCluster.Worker victim = a.is(training.getLastWorkerIdentity()) ? a : b;
    ProcessCluster.Worker survivor = victim == a ? b : a;
    Instant killed = Instant.now();
    victim.process().destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the server

    TransferEvalResult disturbed = result("disturbed");
    assertSameResults(result("reference"), disturbed);
    HistoryEvent retry = startedEvent(history("disturbed"), PRETRAIN);
    ActivityTaskStartedEventAttributes pretrain = retry.getActivityTaskStartedEventAttributes();
    assertTrue(survivor.is(pretrain.getIdentity()), pretrain.toString());
    assertEquals(2, pretrain.getAttempt(), "one retry");
    Instant retried = Instant.ofEpochSecond(retry.getEventTime().getSeconds());
    assertTrue(
        !retried.isBefore(killed.plus(HEARTBEAT_TIMEOUT).minusSeconds(1)),
        "retried only once the heartbeat timeout passed: killed "
            + killed
            + ", retried "
            + retried);
    String resumed = "resuming after epoch [1-" + (EPOCHS - 2) + "] from s3://repflow/disturbed/";
    assertTrue(
        survivor.output().matches("(?s).*" + resumed + ".*"),
        "the retry continued from a stored epoch checkpoint:\n" + survivor.output());
  }

  @Test
  void aWorkerStoppedWithSigtermFinishesItsTrainingFirst() throws Exception {
    ProcessCluster.Worker a = cluster.startWorker("worker-a", HEARTBEAT_TIMEOUT, GRACE);
    ProcessCluster.Worker b = cluster.startWorker("worker-b", HEARTBEAT_TIMEOUT, GRACE);
    start("drained");

    PendingActivityInfo training = midTraining("drained");
    ProcessCluster.Worker stopped = a.is(training.getLastWorkerIdentity()) ? a : b;
    ProcessCluster.Worker other = stopped == a ? b : a;
    stopped.process().destroy(); // SIGTERM, as docker stop and the kubelet send

    assertTrue(
        stopped.process().waitFor(GRACE.toSeconds() + 30, TimeUnit.SECONDS),
        "did not stop: " + stopped.output());
    assertEquals(143, stopped.process().exitValue(), stopped.output());
    result("drained");
    WorkflowExecutionHistory history = history("drained");
    ActivityTaskStartedEventAttributes pretrain =
        startedEvent(history, PRETRAIN).getActivityTaskStartedEventAttributes();
    assertTrue(stopped.is(pretrain.getIdentity()), "the stopped worker finished it: " + pretrain);
    assertEquals(1, pretrain.getAttempt(), "no retry: the step finished during the drain");
    Set<String> identities = activityIdentities(history);
    assertTrue(
        identities.stream().anyMatch(stopped::is) && identities.stream().anyMatch(other::is),
        "the run's steps ran on both workers: " + identities);
  }

  /** Starts the transfer pipeline of experiment {@code name} (also its workflow id). */
  private void start(String name) throws Exception {
    Path config = dir.resolve(name + ".yaml");
    Files.writeString(config, config(name));
    CliRun run =
        CliRun.execute(
            "run",
            config.toString(),
            "--no-worker",
            "--detach",
            "--temporal",
            cluster.temporalTarget(),
            "--s3-endpoint",
            cluster.s3Endpoint(),
            "--workflow-id",
            name);
    assertEquals(0, run.exitCode(), run.toString());
  }

  /**
   * The run's training step once an epoch checkpoint is stored and epochs are left to train: at
   * least one and at most {@code EPOCHS - 2} epoch checkpoints in the store.
   */
  private PendingActivityInfo midTraining(String workflowId) throws Exception {
    var training =
        cluster.awaitStoredFiles(
            workflowId,
            PRETRAIN,
            workflowId + "/pretrain",
            files -> {
              long stored = files.stream().filter(f -> f.matches(".*-epoch\\d+\\.params")).count();
              return stored >= 1 && stored <= EPOCHS - 2;
            },
            LIMIT);
    if (training.isEmpty()) {
      throw new AssertionError("training of " + workflowId + " never got going\n" + cluster.logs());
    }
    return training.get();
  }

  private TransferEvalResult result(String workflowId) throws Exception {
    return cluster
        .client()
        .newUntypedWorkflowStub(workflowId)
        .getResult(LIMIT.toSeconds(), TimeUnit.SECONDS, TransferEvalResult.class);
  }

  private WorkflowExecutionHistory history(String workflowId) {
    return cluster.client().fetchHistory(workflowId);
  }

  /** Same weights, same evaluations: the artifacts differ only in their experiment's keys. */
  private static void assertSameResults(TransferEvalResult expected, TransferEvalResult actual) {
    assertEquals(
        expected.backbone().checkpoint().sha256(), actual.backbone().checkpoint().sha256());
    assertEquals(expected.trainEmbeddings().shape(), actual.trainEmbeddings().shape());
    assertEquals(expected.evaluations().size(), actual.evaluations().size());
    for (int i = 0; i < expected.evaluations().size(); i++) {
      assertEquals(
          expected.evaluations().get(i).accuracy(), actual.evaluations().get(i).accuracy());
    }
  }

  /** The started event of the (only) activity of {@code type}: its last attempt. */
  private static HistoryEvent startedEvent(WorkflowExecutionHistory history, String type) {
    Map<Long, String> types = activityTypes(history);
    return history.getEvents().stream()
        .filter(HistoryEvent::hasActivityTaskStartedEventAttributes)
        .filter(
            e ->
                type.equals(
                    types.get(e.getActivityTaskStartedEventAttributes().getScheduledEventId())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + history));
  }

  private static Set<String> activityIdentities(WorkflowExecutionHistory history) {
    return history.getEvents().stream()
        .filter(HistoryEvent::hasActivityTaskStartedEventAttributes)
        .map(e -> e.getActivityTaskStartedEventAttributes().getIdentity())
        .collect(Collectors.toSet());
  }

  private static Map<Long, String> activityTypes(WorkflowExecutionHistory history) {
    Map<Long, String> types = new HashMap<>();
    for (HistoryEvent e : history.getEvents()) {
      if (e.hasActivityTaskScheduledEventAttributes()) {
        types.put(
            e.getEventId(),
            e.getActivityTaskScheduledEventAttributes().getActivityType().getName());
      }
    }
    return types;
  }

  /**
   * A transfer run whose epochs (1,000 images) take most of a second on a fast idle machine, long
   * enough for the test to act between two epoch checkpoints.
   */
  private static String config(String experiment) {
    return String.join(
        "\n",
        List.of(
            "pipeline: transfer",
            "experiment: " + experiment,
            "dataset:",
            "  trainPerClass: 200",
            "  testPerClass: 10",
            "model:",
            "  width: 4",
            "  embeddingDim: 8",
            "pretrain:",
            "  classes: [0, 1, 2, 3, 4]",
            "  epochs: " + EPOCHS,
            "  batchSize: 10",
            "  learningRate: 0.003",
            "  seed: 5",
            "evaluate:",
            "  classes: [5, 6, 7, 8, 9]",
            "  k: 5",
            "  pixelBaseline: false",
            ""));
  }
}
