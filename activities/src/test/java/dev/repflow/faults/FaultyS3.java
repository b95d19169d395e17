package dev.repflow.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.artifacts.S3ArtifactStore;
import dev.repflow.testing.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * S3Proxy over a folder, a store straight to it (for checking behind the proxy's back), and stores
 * that reach it through a {@link FaultProxy}.
 */
final class FaultyS3 implements AutoCloseable {
  static final String BUCKET = "repflow-faults";

  /** The client gives up on a silent response after this long and tries again... */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

  /** ...so a stall of this long always costs an attempt. */
  static final Duration STALL = Duration.ofSeconds(2);

  private final S3ProxyServer server;
  private final S3ArtifactStore direct;

  private FaultyS3(S3ProxyServer server, S3ArtifactStore direct) {
    this.server = server;
    this.direct = direct;
  }

  static FaultyS3 start(Path dir) throws Exception {
    S3ProxyServer server = S3ProxyServer.start(dir);
    S3ArtifactStore direct =
        S3ArtifactStore.connect(
            S3ProxyServer.settings(server.endpoint(), BUCKET).withCreateBucket(true));
    direct.checkReachable();
    return new FaultyS3(server, direct);
  }

  /** A store without faults. */
  S3ArtifactStore direct() {
    return direct;
  }

  /** A proxy injecting faults as {@code plan} says; close it after use. */
  FaultProxy proxy(FaultPlan plan) throws IOException {
    return new FaultProxy(server.endpoint(), plan, STALL);
  }

  /** A store reaching S3 through {@code proxy}, with a short read timeout. */
  S3ArtifactStore through(FaultProxy proxy) {
    return S3ArtifactStore.connect(
        S3ProxyServer.settings(proxy.endpoint(), BUCKET).withReadTimeout(READ_TIMEOUT));
  }

  /** The file that holds {@code key}, to damage it. */
  Path file(String key) {
    return server.file(BUCKET, key);
  }

  void delete(String key) {
    try (var client = server.rawClient()) {
      client.deleteObject(b -> b.bucket(BUCKET).key(key));
    }
  }

  /**
   * Reads back every object under {@code prefix} without faults and checks it against its recorded
   * sha256; an object without one (a partial write) fails the test. The server may still be
   * discarding the temporary file of an upload whose request was cut when the client has already
   * given up, so a partial object is looked at again for a few seconds before it counts.
   *
   * @param expected how many objects there must be, or -1 for any number
   * @return how many objects were verified
   */
  int verifyAll(String prefix, int expected) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      try {
        return verifyOnce(prefix, expected);
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        sleep();
      }
    }
  }

  private int verifyOnce(String prefix, int expected) {
    int verified = 0;
    try (var client = server.rawClient()) {
      for (var object :
          client.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents()) {
        ArtifactRef ref =
            direct
                .find(object.key())
                .orElseThrow(() -> new AssertionError(object.key() + " has no sha256: partial"));
        direct.verify(ref);
        verified++;
      }
    }
    if (expected >= 0) {
      assertEquals(expected, verified, "objects under " + prefix);
    }
    return verified;
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      direct.close();
    } finally {
      server.close();
    }
  }
}
