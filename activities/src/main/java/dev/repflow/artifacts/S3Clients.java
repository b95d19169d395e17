package dev.repflow.artifacts;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the S3 client for {@link S3ArtifactStore#connect(S3Settings)}.
 *
 * <p>The HTTP client is the SDK's default sync one, Apache HttpClient 5 (2 s connect timeout), with
 * the settings' read timeout: a server that stops sending in the middle of a response must not hold
 * a step forever.
 */
final class S3Clients {

  /** Few attempts: an unreachable endpoint should fail in seconds; Temporal retries the step. */
  private static final int MAX_ATTEMPTS = 3;

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private S3Clients() {}

  static S3Client create(S3Settings settings) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(settings.region()))
            .forcePathStyle(settings.pathStyle())
            .credentialsProvider(credentials(settings))
            .httpClientBuilder(
                Apache5HttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(settings.readTimeout()))
            .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(MAX_ATTEMPTS)));
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(S3Settings settings) {
    if (settings.accessKeyId() == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
  }
}
