package dev.repflow.worker.cli;

import dev.repflow.worker.runtime.EmbeddedS3;
import dev.repflow.worker.runtime.EmbeddedTemporal;
import dev.repflow.worker.runtime.ServiceStartException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Embedded Temporal + S3 with a ready bucket: everything another process needs to run repflow on
 * this machine. Closing is idempotent, so a shutdown hook and normal exit may both close it.
 */
public final class DevStack implements AutoCloseable {
  private final EmbeddedTemporal temporal;
  private final EmbeddedS3 s3;
  private final String bucket;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DevStack(EmbeddedTemporal temporal, EmbeddedS3 s3, String bucket) {
    this.temporal = temporal;
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** {@link #start(String, int, int, Path, String)} on loopback. */
  public static DevStack start(int temporalPort, int s3Port, Path s3Dir, String bucket) {
    return start(EmbeddedTemporal.LOOPBACK, temporalPort, s3Port, s3Dir, bucket);
  }

  /**
   * Starts both servers on {@code host} (port 0 = any free port) and creates {@code bucket}. On
   * loopback S3 uses the fixed development secret; anywhere else a random one, since the fixed one
   * is published in this repository.
   *
   * @throws ServiceStartException when either server cannot start; nothing is left running
   */
  public static DevStack start(
      String host, int temporalPort, int s3Port, Path s3Dir, String bucket) {
    EmbeddedTemporal temporal = EmbeddedTemporal.start(host, temporalPort);
    try {
      String secret = isLoopback(host) ? EmbeddedS3.SECRET_KEY : randomSecret();
      EmbeddedS3 s3 = EmbeddedS3.start(host, s3Port, s3Dir, secret);
      try {
        s3.createBucket(bucket);
      } catch (RuntimeException e) {
        s3.close();
        throw e;
      }
      return new DevStack(temporal, s3, bucket);
    } catch (RuntimeException e) {
      temporal.close();
      throw e;
    }
  }

  /** Whether {@code host} (a name or address) is this machine's loopback interface. */
  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new UsageException("--listen: unknown host '" + host + "'");
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public EmbeddedTemporal temporal() {
    return temporal;
  }

  public EmbeddedS3 s3() {
    return s3;
  }

  public String bucket() {
    return bucket;
  }

  /** A shell line that points another process (CLI, worker) at this stack. */
  public String exportCommand() {
    return "export REPFLOW_TEMPORAL="
        + temporal.target()
        + " REPFLOW_S3_ENDPOINT="
        + s3.endpoint()
        + " AWS_ACCESS_KEY_ID="
        + s3.accessKey()
        + " AWS_SECRET_ACCESS_KEY="
        + s3.secretKey()
        + " AWS_REGION="
        + S3Options.DEFAULT_REGION;
  }

  /** The same as flags, for commands run without the environment variables. */
  public String flags() {
    return "--temporal "
        + temporal.target()
        + " --namespace "
        + EmbeddedTemporal.NAMESPACE
        + " --s3-endpoint "
        + s3.endpoint()
        + " --bucket "
        + bucket;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        s3.close();
      } finally {
        temporal.close();
      }
    }
  }
}
