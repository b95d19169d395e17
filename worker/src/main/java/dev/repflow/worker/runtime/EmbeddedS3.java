package dev.repflow.worker.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible server in this JVM (S3Proxy over a local folder), so repflow runs without MinIO
 * or AWS. Objects survive restarts because they are plain files under {@link #dataDir()}.
 *
 * <p>Jetty's threads are non-daemon: always {@link #close()} it, or the JVM never exits.
 */
public final class EmbeddedS3 implements AutoCloseable {
  /** Fixed local development access key, for a server that listens on loopback only. */
  public static final String ACCESS_KEY = "repflow";

  /** Fixed local development secret key, for a server that listens on loopback only. */
  public static final String SECRET_KEY = "repflow-secret";

  /** Where objects go when no folder is given, relative to the current directory. */
  public static final Path DEFAULT_DIR = Path.of(".repflow", "s3");

  private static final Logger log = LoggerFactory.getLogger(EmbeddedS3.class);

  private final Path dataDir;
  private final BlobStore store;
  private final S3Proxy proxy;
  private final URI endpoint;
  private final String secretKey;

  private EmbeddedS3(Path dataDir, BlobStore store, S3Proxy proxy, String host, String secretKey) {
    this.dataDir = dataDir;
    this.store = store;
    this.proxy = proxy;
    this.endpoint = URI.create("http://" + clientHost(host) + ":" + proxy.getPort());
    this.secretKey = secretKey;
  }

  /** Starts on {@code port} (0 = any free port) with objects stored in {@link #DEFAULT_DIR}. */
  public static EmbeddedS3 start(int port) {
    return start(port, DEFAULT_DIR);
  }

  /**
   * Starts on 127.0.0.1:{@code port} (0 = any free port) with objects stored under {@code dir} and
   * the fixed development credentials.
   *
   * @throws ServiceStartException in one line when the server cannot start (e.g. port in use)
   */
  public static EmbeddedS3 start(int port, Path dir) {
    return start(EmbeddedTemporal.LOOPBACK, port, dir, SECRET_KEY);
  }

  /**
   * Starts on {@code host}:{@code port} with access key {@link #ACCESS_KEY} and {@code secretKey}.
   *
   * @throws ServiceStartException in one line when the server cannot start (e.g. port in use)
   */
  public static EmbeddedS3 start(String host, int port, Path dir, String secretKey) {
    Path absolute = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create S3 data folder " + absolute, e);
    }
    Properties props = new Properties();
    props.setProperty("jclouds.filesystem.basedir", absolute.toString());
    BlobStore store = BlobStores.create("filesystem", props);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://" + uriHost(host) + ":" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, secretKey)
            // The SDK's multipart upload sends headers S3Proxy does not know; it rejects them
            // unless told to ignore them.
            .ignoreUnknownHeaders(true)
            .build();
    try {
      proxy.start();
    } catch (Exception e) {
      stopQuietly(proxy);
      store.close();
      throw new ServiceStartException(
          "cannot start embedded S3 on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    EmbeddedS3 s3 = new EmbeddedS3(absolute, store, proxy, host, secretKey);
    log.info("Embedded S3 on {}:{} storing in {}", host, s3.port(), absolute);
    return s3;
  }

  /** Creates {@code bucket} unless it exists (a bucket is a sub-folder of {@link #dataDir()}). */
  public void createBucket(String bucket) {
    if (!store.containerExists(bucket)) {
      store.createContainer(bucket);
    }
  }

  /** Base URI for path-style requests, e.g. {@code http://127.0.0.1:9000}. */
  public URI endpoint() {
    return endpoint;
  }

  public int port() {
    return proxy.getPort();
  }

  public String accessKey() {
    return ACCESS_KEY;
  }

  public String secretKey() {
    return secretKey;
  }

  /** Absolute folder holding the buckets. */
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    stopQuietly(proxy);
    store.close();
  }

  /** How a client on this machine reaches {@code host}: loopback for a wildcard address. */
  private static String clientHost(String host) {
    return host.equals("0.0.0.0") || host.equals("::") ? EmbeddedTemporal.LOOPBACK : uriHost(host);
  }

  private static String uriHost(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static void stopQuietly(S3Proxy proxy) {
    try {
      proxy.stop();
    } catch (Exception e) {
      // Shutting down anyway; the caller cannot act on a failed Jetty stop.
      log.warn("Embedded S3 did not stop cleanly: {}", e.toString());
    }
  }
}
