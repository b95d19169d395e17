package dev.repflow.artifacts;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the artifact bucket lives and how to reach it.
 *
 * @param endpoint S3 endpoint such as {@code http://127.0.0.1:9000} (MinIO, S3Proxy), or null for
 *     AWS's regional default
 * @param region signing region, e.g. {@code us-east-1}
 * @param bucket artifact bucket
 * @param pathStyle {@code http://host/bucket/key} addressing, which MinIO and S3Proxy need
 * @param createBucket create the bucket on {@link S3ArtifactStore#checkReachable()} if missing
 * @param accessKeyId static access key, or null to use the AWS default credentials chain
 * @param secretAccessKey static secret, set exactly when {@code accessKeyId} is
 * @param readTimeout longest silence of the server within one response before the read is given up
 *     and retried (a stalled connection); null for {@link #DEFAULT_READ_TIMEOUT}
 */
public record S3Settings(
    URI endpoint,
    String region,
    String bucket,
    boolean pathStyle,
    boolean createBucket,
    String accessKeyId,
    String secretAccessKey,
    Duration readTimeout) {
  /** The AWS SDK's own default socket timeout. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  public S3Settings {
    Objects.requireNonNull(region, "region");
    if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw new IllegalArgumentException(
          "bucket must be 3-63 chars of lower-case letters, digits, '.' or '-', got " + bucket);
    }
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      throw new IllegalArgumentException(
          "accessKeyId and secretAccessKey must be given together or not at all");
    }
    readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("readTimeout must be positive, got " + readTimeout);
    }
  }

  /** Settings that take credentials from the AWS default chain (env, profile, instance role). */
  public static S3Settings of(URI endpoint, String region, String bucket, boolean pathStyle) {
    return new S3Settings(endpoint, region, bucket, pathStyle, false, null, null, null);
  }

  /** Copy that signs with a fixed key pair, e.g. for an embedded S3Proxy. */
  public S3Settings withCredentials(String accessKeyId, String secretAccessKey) {
    return new S3Settings(
        endpoint,
        region,
        bucket,
        pathStyle,
        createBucket,
        accessKeyId,
        secretAccessKey,
        readTimeout);
  }

  /** Copy that creates the bucket when it is missing. */
  public S3Settings withCreateBucket(boolean createBucket) {
    return new S3Settings(
        endpoint,
        region,
        bucket,
        pathStyle,
        createBucket,
        accessKeyId,
        secretAccessKey,
        readTimeout);
  }

  /** Copy that gives up on a silent response after {@code readTimeout}. */
  public S3Settings withReadTimeout(Duration readTimeout) {
    return new S3Settings(
        endpoint,
        region,
        bucket,
        pathStyle,
        createBucket,
        accessKeyId,
        secretAccessKey,
        readTimeout);
  }

  /** Endpoint as shown in messages. */
  public String endpointName() {
    return endpoint == null ? "AWS S3 (" + region + ")" : endpoint.toString();
  }

  /** Keeps the secret out of logs and exception messages. */
  @Override
  public String toString() {
    return "S3Settings[endpoint="
        + endpointName()
        + ", region="
        + region
        + ", bucket="
        + bucket
        + ", pathStyle="
        + pathStyle
        + ", createBucket="
        + createBucket
        + ", credentials="
        + (accessKeyId == null ? "default chain" : "static " + accessKeyId)
        + "]";
  }
}
