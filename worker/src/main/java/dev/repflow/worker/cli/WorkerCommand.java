package dev.repflow.worker.cli;

import dev.repflow.common.TaskQueues;
import dev.repflow.data.DataRoots;
import dev.repflow.plugin.RepflowPlugin;
import dev.repflow.worker.runtime.HealthEndpoint;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code repflow worker}: a long-running worker for a real Temporal cluster. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Polls repflow's task queues on a running Temporal server until stopped (Ctrl-C, SIGTERM).",
      "Needs --temporal; artifacts go to --s3-endpoint, or AWS S3 when it is not given."
    })
public final class WorkerCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private TemporalOptions temporal;
  @Mixin private S3Options s3;
  @Mixin private NumericsOptions numerics;
  @Mixin private DataRootOptions dataRoots;

  @Option(
      names = "--queues",
      split = ",",
      defaultValue = "cpu,gpu",
      description =
          "Queues to poll: cpu (workflows, evaluation), gpu (training, embedding). Default: ${DEFAULT-VALUE}.")
  private List<String> queues;

  @Option(
      names = "--health-port",
      paramLabel = "PORT",
      defaultValue = "${env:REPFLOW_HEALTH_PORT}",
      description =
          "Serve GET /livez and /readyz on this port, all interfaces (env REPFLOW_HEALTH_PORT);"
              + " off by default.")
  private String healthPort;

  @Option(
      names = "--shutdown-grace",
      paramLabel = "SECONDS",
      defaultValue = "${env:REPFLOW_SHUTDOWN_GRACE:-30}",
      description =
          "On SIGTERM, stop polling and let running steps finish for this long before"
              + " interrupting them (env REPFLOW_SHUTDOWN_GRACE; default 30).")
  private int shutdownGraceSeconds;

  @Option(
      names = "--heartbeat-timeout",
      paramLabel = "SECONDS",
      defaultValue = "${env:REPFLOW_HEARTBEAT_TIMEOUT}",
      description =
          "A step whose worker stays silent this long is retried on another worker (env"
              + " REPFLOW_HEARTBEAT_TIMEOUT; default 120, at least 5). Applies to the workflows"
              + " this worker runs: give every worker the same value.")
  private String heartbeatTimeout;

  @Override
  public Integer call() throws InterruptedException {
    Set<String> taskQueues = taskQueues(queues);
    Duration timeout = heartbeatTimeout();
    DataRoots roots = dataRoots.roots();
    Duration grace = Duration.ofSeconds(Math.max(0, shutdownGraceSeconds));
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    // The JVM halts once its shutdown hooks return: hold the hook until the worker has drained.
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              awaitQuietly(stopped, grace.plusSeconds(5));
            },
            "repflow-worker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (RepflowRuntime runtime =
            RepflowRuntime.connect(temporal, s3, numerics.profile(), roots, timeout);
        HealthEndpoint health = startHealth(runtime)) {
      runtime.startWorker(taskQueues);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "repflow worker polling %s on %s, artifacts in %s, files read only under %s%n",
          taskQueues, temporal.settings(), runtime.s3Location(), roots);
      if (health != null) {
        out.printf("health probes on port %d: /livez, /readyz%n", health.port());
      }
      out.flush();
      stop.await();
      runtime.stopWorker(grace);
    } finally {
      stopped.countDown();
      removeHook(hook);
    }
    return 0;
  }

  private HealthEndpoint startHealth(RepflowRuntime runtime) {
    if (healthPort == null || healthPort.isBlank()) {
      return null;
    }
    try {
      return HealthEndpoint.start(Integer.parseInt(healthPort.strip()), runtime::polling);
    } catch (NumberFormatException e) {
      throw new UsageException(
          "--health-port (REPFLOW_HEALTH_PORT): not a port number: " + healthPort);
    }
  }

  /** The timeout given, or null for the presets' own. */
  private Duration heartbeatTimeout() {
    if (heartbeatTimeout == null || heartbeatTimeout.isBlank()) {
      return null;
    }
    try {
      Duration timeout = Duration.ofSeconds(Long.parseLong(heartbeatTimeout.strip()));
      if (timeout.compareTo(RepflowPlugin.MIN_HEARTBEAT_TIMEOUT) < 0) {
        throw new UsageException(
            "--heartbeat-timeout (REPFLOW_HEARTBEAT_TIMEOUT): must be at least "
                + RepflowPlugin.MIN_HEARTBEAT_TIMEOUT.toSeconds()
                + " seconds, got "
                + heartbeatTimeout);
      }
      return timeout;
    } catch (NumberFormatException e) {
      throw new UsageException(
          "--heartbeat-timeout (REPFLOW_HEARTBEAT_TIMEOUT): not a number of seconds: "
              + heartbeatTimeout);
    }
  }

  static Set<String> taskQueues(List<String> names) {
    Set<String> result = new LinkedHashSet<>();
    for (String name : names) {
      switch (name.trim()) {
        case "cpu" -> result.add(TaskQueues.CPU);
        case "gpu" -> result.add(TaskQueues.GPU);
        default ->
            throw new UsageException("--queues: unknown queue '" + name + "' (known: cpu, gpu)");
      }
    }
    return result;
  }

  private static void awaitQuietly(CountDownLatch latch, Duration limit) {
    try {
      latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running: it returns once `stopped` is counted down above.
    }
  }
}
