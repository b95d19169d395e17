package dev.repflow.worker.cli;

import dev.repflow.worker.runtime.EmbeddedS3;
import dev.repflow.worker.runtime.EmbeddedTemporal;
import dev.repflow.worker.runtime.TemporalConnection;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code repflow dev} and {@code repflow worker} as separate processes on loopback, started as a
 * team starts them, for tests that kill workers. Closing kills every process it started.
 */
final class ProcessCluster implements AutoCloseable {
  private static final Duration START_LIMIT = Duration.ofSeconds(90);

  private final Path dir;
  private final int temporalPort;
  private final int s3Port;
  private final List<Process> started = new ArrayList<>();
  private TemporalConnection connection;

  private ProcessCluster(Path dir, int temporalPort, int s3Port) {
    this.dir = dir;
    this.temporalPort = temporalPort;
    this.s3Port = s3Port;
  }

  /** Starts {@code repflow dev} with its data under {@code dir}. */
  static ProcessCluster start(Path dir) throws Exception {
    ProcessCluster cluster = new ProcessCluster(dir, freePort(), freePort());
    try {
      Path log = dir.resolve("dev.log");
      Process dev =
          cluster.launch(
              List.of(
                  "dev",
                  "--temporal-port",
                  String.valueOf(cluster.temporalPort),
                  "--s3-port",
                  String.valueOf(cluster.s3Port),
                  "--data-dir",
                  dir.resolve("dev").toString()),
              log);
      awaitLog(dev, log, "running; Ctrl-C stops both");
      cluster.connection =
          TemporalConnection.connect(cluster.temporalTarget(), EmbeddedTemporal.NAMESPACE);
      return cluster;
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  String temporalTarget() {
    return "127.0.0.1:" + temporalPort;
  }

  String s3Endpoint() {
    return "http://127.0.0.1:" + s3Port;
  }

  /** Folder of the dev stack's S3 objects (bucket {@code repflow}). */
  Path s3Dir() {
    return dir.resolve("dev").resolve("s3");
  }

  WorkflowClient client() {
    return connection.client();
  }

  /**
   * Starts {@code repflow worker} polling both queues, with step logs, and waits until it is ready.
   */
  Worker startWorker(String name, Duration heartbeatTimeout, Duration shutdownGrace)
      throws Exception {
    int health = freePort();
    Path log = dir.resolve(name + ".log");
    Process process =
        launch(
            List.of(
                "worker",
                "--temporal",
                temporalTarget(),
                "--s3-endpoint",
                s3Endpoint(),
                "--health-port",
                String.valueOf(health),
                "--heartbeat-timeout",
                String.valueOf(heartbeatTimeout.toSeconds()),
                "--shutdown-grace",
                String.valueOf(shutdownGrace.toSeconds())),
            log);
    awaitReady(process, log, health);
    return new Worker(name, process, log);
  }

  /**
   * The pending activity of {@code type} in run {@code workflowId} once the files its step stored
   * under {@code s3Prefix} (a folder below the bucket, e.g. {@code drained/pretrain}) satisfy
   * {@code when}, or empty when they did not within {@code limit}.
   *
   * <p>Watches the store rather than the activity's heartbeat details: the server sees a worker's
   * heartbeat at most every 0.8 heartbeat timeouts, so on a fast machine a short training step can
   * end before any heartbeat with a stored checkpoint reaches it.
   */
  Optional<PendingActivityInfo> awaitStoredFiles(
      String workflowId, String type, String s3Prefix, Predicate<List<String>> when, Duration limit)
      throws IOException, InterruptedException {
    Path folder = s3Dir().resolve("repflow").resolve(s3Prefix);
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (when.test(fileNames(folder))) {
        for (PendingActivityInfo pending : pendingActivities(workflowId)) {
          if (pending.getActivityType().getName().equals(type)
              && !pending.getLastWorkerIdentity().isEmpty()) {
            return Optional.of(pending);
          }
        }
      }
      Thread.sleep(50);
    }
    return Optional.empty();
  }

  private static List<String> fileNames(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (var files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }

  private List<PendingActivityInfo> pendingActivities(String workflowId) {
    return connection
        .service()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(EmbeddedTemporal.NAMESPACE)
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build())
        .getPendingActivitiesList();
  }

  /** The last lines of every process's output without stack frames, for failure messages. */
  String logs() throws IOException {
    StringBuilder all = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        List<String> lines =
            Files.readAllLines(log).stream().filter(l -> !l.startsWith("\tat ")).toList();
        all.append("--- ").append(log.getFileName()).append('\n');
        lines
            .subList(Math.max(0, lines.size() - 40), lines.size())
            .forEach(l -> all.append(l).append('\n'));
      }
    }
    return all.toString();
  }

  /** The CLI in a child JVM with the dev stack's S3 keys and step logs at INFO. */
  private Process launch(List<String> args, Path log) throws IOException {
    Process process =
        ChildCli.start(
            List.of("-Dai.djl.offline=true"),
            args,
            Map.of(
                "AWS_ACCESS_KEY_ID", EmbeddedS3.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", EmbeddedS3.SECRET_KEY,
                "AWS_REGION", S3Options.DEFAULT_REGION,
                "REPFLOW_LOG_LEVEL", "INFO"),
            log);
    started.add(process);
    return process;
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.close();
    }
    for (Process p : started) {
      p.destroyForcibly();
    }
    for (Process p : started) {
      try {
        p.waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A worker process; its SDK identity is {@code <pid>@<host>}. */
  record Worker(String name, Process process, Path log) {
    boolean is(String identity) {
      return identity.startsWith(process.pid() + "@");
    }

    String output() throws IOException {
      return Files.readString(log);
    }
  }

  /** Waits until the worker {@code process} answers 200 on {@code /readyz} of {@code port}. */
  static void awaitReady(Process process, Path log, int port) throws Exception {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("worker exited: " + Files.readString(log));
      }
      try {
        HttpURLConnection c =
            (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + "/readyz").toURL().openConnection();
        if (c.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new AssertionError("worker never ready: " + Files.readString(log));
  }

  static void awaitLog(Process process, Path log, String text) throws Exception {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("process exited: " + Files.readString(log));
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no '" + text + "' in " + log + ": " + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
