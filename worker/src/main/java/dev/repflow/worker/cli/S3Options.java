package dev.repflow.worker.cli;

import dev.repflow.worker.runtime.EmbeddedS3;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Where artifacts are stored (picocli mixin): an S3 endpoint, or the embedded S3 when none. */
public final class S3Options {
  public static final String DEFAULT_BUCKET = "repflow";
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_DATA_DIR = ".repflow";

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URI",
      defaultValue = "${env:REPFLOW_S3_ENDPOINT}",
      description =
          "S3 endpoint, e.g. http://minio:9000 (env REPFLOW_S3_ENDPOINT); credentials come from"
              + " the standard AWS chain. Without it, an embedded S3 runs inside this process.")
  private URI endpoint;

  @Option(
      names = "--bucket",
      defaultValue = DEFAULT_BUCKET,
      description = "Bucket for artifacts (default: ${DEFAULT-VALUE}).")
  private String bucket;

  @Option(
      names = "--s3-region",
      defaultValue = DEFAULT_REGION,
      description = "S3 region (default: ${DEFAULT-VALUE}).")
  private String region;

  @Option(
      names = "--data-dir",
      defaultValue = DEFAULT_DATA_DIR,
      description = "Folder for embedded state such as S3 objects (default: ${DEFAULT-VALUE}).")
  private Path dataDir;

  /** The S3 endpoint, or empty when the embedded S3 should be started. */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  public boolean embedded() {
    return endpoint == null;
  }

  public String bucket() {
    return bucket;
  }

  public Region region() {
    return Region.of(region);
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Folder of the embedded S3's objects. */
  public Path embeddedS3Dir() {
    return dataDir.resolve("s3");
  }

  /**
   * The standard AWS chain (env, profile, instance role) for a real endpoint; the embedded server's
   * fixed local credentials otherwise.
   */
  public AwsCredentialsProvider credentials() {
    if (!embedded()) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY));
  }
}
