package dev.repflow.worker.cli;

import dev.repflow.artifacts.S3ArtifactStore;
import dev.repflow.artifacts.S3Settings;
import dev.repflow.common.TaskQueues;
import dev.repflow.numerics.NumericsProfile;
import dev.repflow.plugin.RepflowPlugin;
import dev.repflow.worker.runtime.TemporalConnection;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a team's cluster in one JVM: `repflow dev`'s Temporal and S3, one worker with the
 * plugin polling both queues, and CLI calls pointed at them (S3 credentials as a user would export
 * them).
 */
public final class LocalCluster implements AutoCloseable {
  public static final String BUCKET = "team-bucket";

  private final DevStack stack;
  private final S3ArtifactStore store;
  private final TemporalConnection connection;
  private WorkerFactory workers;

  public LocalCluster(Path dir) {
    stack = DevStack.start(0, 0, dir.resolve("s3"), BUCKET);
    System.setProperty("aws.accessKeyId", stack.s3().accessKey());
    System.setProperty("aws.secretAccessKey", stack.s3().secretKey());
    store =
        S3ArtifactStore.connect(
            S3Settings.of(stack.s3().endpoint(), S3Options.DEFAULT_REGION, BUCKET, true)
                .withCredentials(stack.s3().accessKey(), stack.s3().secretKey()));
    connection = TemporalConnection.connect(stack.temporal().target(), "default");
    startWorkers(Set.of(TaskQueues.CPU, TaskQueues.GPU));
  }

  /**
   * Replaces the cluster's worker by one polling {@code queues} (e.g. no GPU: runs stall there).
   */
  public void startWorkers(Set<String> queues) {
    if (workers != null) {
      workers.shutdownNow();
      workers.awaitTermination(10, TimeUnit.SECONDS);
    }
    workers =
        WorkerFactory.newInstance(
            connection.client(),
            WorkerFactoryOptions.newBuilder()
                .setPlugins(new RepflowPlugin(store, NumericsProfile.fromEnvironment()))
                .build());
    queues.forEach(workers::newWorker);
    workers.start();
  }

  /** Runs the CLI with {@code args} plus this cluster's --temporal (and --s3-endpoint/--bucket). */
  public CliRun cli(boolean withS3, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--temporal", stack.temporal().target()));
    if (withS3) {
      all.addAll(List.of("--s3-endpoint", stack.s3().endpoint().toString(), "--bucket", BUCKET));
    }
    return CliRun.execute(all.toArray(String[]::new));
  }

  public String s3Endpoint() {
    return stack.s3().endpoint().toString();
  }

  public TemporalConnection connection() {
    return connection;
  }

  public S3ArtifactStore store() {
    return store;
  }

  @Override
  public void close() {
    workers.shutdownNow();
    connection.close();
    store.close();
    stack.close();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }
}
