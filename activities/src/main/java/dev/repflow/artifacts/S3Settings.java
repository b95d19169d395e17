package dev.repflow.artifacts;

import java.net.URI;
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
 */
public record S3Settings(
    URI endpoint,
    String region,
    String bucket,
    boolean pathStyle,
    boolean createBucket,
    String accessKeyId,
    String secretAccessKey) {

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
  }

  /** Settings that take credentials from the AWS default chain (env, profile, instance role). */
  public static S3Settings of(URI endpoint, String region, String bucket, boolean pathStyle) {
    return new S3Settings(endpoint, region, bucket, pathStyle, false, null, null);
  }

  /** Copy that signs with a fixed key pair, e.g. for an embedded S3Proxy. */
  public S3Settings withCredentials(String accessKeyId, String secretAccessKey) {
    return new S3Settings(
        endpoint, region, bucket, pathStyle, createBucket, accessKeyId, secretAccessKey);
  }

  /** Copy that creates the bucket when it is missing. */
  public S3Settings withCreateBucket(boolean createBucket) {
    return new S3Settings(
        endpoint, region, bucket, pathStyle, createBucket, accessKeyId, secretAccessKey);
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
