package dev.repflow.worker.cli;

import dev.repflow.artifacts.S3ArtifactStore;
import dev.repflow.common.TaskQueues;
import dev.repflow.data.DataRoots;
import dev.repflow.numerics.NumericsProfile;
import dev.repflow.plugin.RepflowPlugin;
import dev.repflow.worker.runtime.EmbeddedTemporal;
import dev.repflow.worker.runtime.TemporalConnection;
import dev.repflow.worker.runtime.TemporalSettings;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a command needs, wired once: Temporal (embedded or remote), the artifact store
 * (embedded S3 or a real endpoint), a client carrying {@link RepflowPlugin}, and optionally a
 * worker. Closes what it started, in reverse order.
 */
public final class RepflowRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RepflowRuntime.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final TemporalConnection connection;
  private final boolean searchAttributes;
  private final String s3Location;
  private volatile WorkerFactory workers;

  private RepflowRuntime(
      TemporalOptions temporal,
      S3Options s3,
      NumericsProfile numerics,
      DataRoots dataRoots,
      Duration heartbeatTimeout,
      boolean embedUnset) {
    try {
      TemporalSettings settings = temporal.settings();
      S3ArtifactStore store = openStore(s3, embedUnset);
      if (settings.address().isEmpty()) {
        settings = TemporalSettings.plaintext(startEmbeddedTemporal(), settings.namespace());
      }
      RepflowPlugin plugin = new RepflowPlugin(store, numerics, dataRoots);
      if (heartbeatTimeout != null) {
        plugin = plugin.withHeartbeatTimeout(heartbeatTimeout);
      }
      connection = remember(TemporalConnection.connect(settings, List.of(plugin)));
      searchAttributes = connection.searchAttributes().ensureRegistered();
      s3Location =
          s3.endpoint()
              .map(Object::toString)
              .orElse(
                  embedUnset ? "embedded S3 in " + s3.embeddedS3Dir() : "AWS S3 " + s3.region());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Connects to Temporal and S3, starting embedded ones (on loopback) for whichever has no address.
   * Fails with a one-line message naming the address when either is unreachable.
   *
   * @param dataRoots folders a worker started here may read spec-named files from
   */
  public static RepflowRuntime start(
      TemporalOptions temporal, S3Options s3, NumericsProfile numerics, DataRoots dataRoots) {
    return new RepflowRuntime(temporal, s3, numerics, dataRoots, null, true);
  }

  /**
   * Connects to a running Temporal (required) and S3; without an S3 endpoint that is AWS S3 in the
   * configured region. For long-lived workers, which must share artifacts with other workers.
   *
   * @param heartbeatTimeout heartbeat timeout of the steps of workflows run here; null for the
   *     presets' own
   */
  public static RepflowRuntime connect(
      TemporalOptions temporal,
      S3Options s3,
      NumericsProfile numerics,
      DataRoots dataRoots,
      Duration heartbeatTimeout) {
    if (temporal.embedded()) {
      throw new UsageException(
          "--temporal (or TEMPORAL_ADDRESS) is required: a worker joins a running server;"
              + " start one with `repflow dev` or `temporal server start-dev`");
    }
    return new RepflowRuntime(temporal, s3, numerics, dataRoots, heartbeatTimeout, false);
  }

  public WorkflowClient client() {
    return connection.client();
  }

  public TemporalConnection connection() {
    return connection;
  }

  /** True when repflow's search attributes are registered, so workflows may set them. */
  public boolean searchAttributes() {
    return searchAttributes;
  }

  /** Where artifacts go, for the user: the endpoint or the embedded folder. */
  public String s3Location() {
    return s3Location;
  }

  /** Starts a worker polling the given queues ({@link TaskQueues#GPU}, {@link TaskQueues#CPU}). */
  public void startWorker(Set<String> queues) {
    workers = WorkerFactory.newInstance(connection.client());
    queues.forEach(workers::newWorker);
    workers.start();
    log.info("worker polling {} on {}", queues, connection.target());
  }

  /** Whether a worker started here is polling (false once it drains for shutdown). */
  public boolean polling() {
    WorkerFactory current = workers;
    return current != null && current.isStarted() && !current.isShutdown();
  }

  /**
   * Stops polling, lets running steps finish for up to {@code grace}, then interrupts the rest
   * (their retries resume from the last heartbeat checkpoint on another worker).
   */
  public void stopWorker(Duration grace) {
    if (workers == null) {
      return;
    }
    workers.shutdown();
    workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    workers.shutdownNow();
    workers = null;
  }

  private S3ArtifactStore openStore(S3Options s3, boolean embedUnset) {
    return remember(StoreAccess.open(s3, embedUnset)).store();
  }

  private String startEmbeddedTemporal() {
    return remember(EmbeddedTemporal.start(0)).target();
  }

  private <T extends AutoCloseable> T remember(T resource) {
    started.push(resource);
    return resource;
  }

  @Override
  public void close() {
    if (workers != null) {
      workers.shutdownNow();
      workers = null;
    }
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        log.warn("closing {}: {}", e.getClass().getSimpleName(), e.getMessage());
      }
    }
  }
}
