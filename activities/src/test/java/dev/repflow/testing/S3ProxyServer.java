package dev.repflow.testing;

import dev.repflow.artifacts.S3Settings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Proxy on loopback over a folder (objects are plain files under {@code <dir>/<bucket>/<key>}),
 * for tests of the S3 store. Jetty's threads are not daemons: always close it.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String KEY_ID = "repflow-test-key";
  public static final String SECRET = "repflow-test-secret";

  private final S3Proxy proxy;
  private final Path dir;
  private final URI endpoint;

  private S3ProxyServer(S3Proxy proxy, Path dir) {
    this.proxy = proxy;
    this.dir = dir;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** Starts on a free port with objects under {@code dir}. */
  public static S3ProxyServer start(Path dir) throws Exception {
    Properties props = new Properties();
    props.setProperty("jclouds.filesystem.basedir", dir.toString());
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(BlobStores.create("filesystem", props))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY_ID, SECRET)
            .ignoreUnknownHeaders(true)
            .build();
    proxy.start();
    return new S3ProxyServer(proxy, dir);
  }

  public URI endpoint() {
    return endpoint;
  }

  /** The file holding {@code key} of {@code bucket}. */
  public Path file(String bucket, String key) {
    return dir.resolve(bucket).resolve(key);
  }

  /** Settings for a store on this server (or on {@code endpoint}, e.g. a proxy in front of it). */
  public static S3Settings settings(URI endpoint, String bucket) {
    return S3Settings.of(endpoint, "us-east-1", bucket, true).withCredentials(KEY_ID, SECRET);
  }

  /** A plain SDK client straight to this server, for looking behind the store's back. */
  public S3Client rawClient(ExecutionInterceptor... interceptors) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
        .overrideConfiguration(o -> o.executionInterceptors(List.of(interceptors)))
        .build();
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop", e);
    }
  }
}
