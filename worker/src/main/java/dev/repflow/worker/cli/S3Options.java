package dev.repflow.worker.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;

/**
 * Where artifacts are stored (picocli mixin): an S3 endpoint, or the embedded S3 when none.
 * Environment variables set to an empty string count as unset, as Kubernetes and compose write
 * values that are meant to be absent.
 */
public final class S3Options {
  public static final String DEFAULT_BUCKET = "repflow";
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_DATA_DIR = ".repflow";

  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URI",
      defaultValue = "${env:REPFLOW_S3_ENDPOINT}",
      description =
          "S3 endpoint, e.g. http://s3proxy:80 (env REPFLOW_S3_ENDPOINT); credentials come from"
              + " the standard AWS chain. Without it, an embedded S3 runs inside this process"
              + " (`repflow run`) or AWS S3 is used (`repflow worker`).")
  private String endpoint;

  @Option(
      names = "--bucket",
      defaultValue = "${env:REPFLOW_BUCKET}",
      description = "Bucket for artifacts (env REPFLOW_BUCKET; default: " + DEFAULT_BUCKET + ").")
  private String bucket;

  @Option(
      names = "--s3-region",
      defaultValue = "${env:AWS_REGION}",
      description = "S3 region (env AWS_REGION; default: " + DEFAULT_REGION + ").")
  private String region;

  @Option(
      names = "--data-dir",
      defaultValue = DEFAULT_DATA_DIR,
      description = "Folder for embedded state such as S3 objects (default: ${DEFAULT-VALUE}).")
  private Path dataDir;

  /**
   * The S3 endpoint, or empty when the embedded S3 (or AWS S3) should be used.
   *
   * @throws UsageException when it is not an http(s) URI with a host
   */
  public Optional<URI> endpoint() {
    if (isBlank(endpoint)) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(endpoint.strip());
    } catch (URISyntaxException e) {
      throw new UsageException("--s3-endpoint (REPFLOW_S3_ENDPOINT): not a URI: " + endpoint);
    }
    if (uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
      throw new UsageException(
          "--s3-endpoint (REPFLOW_S3_ENDPOINT): expected http(s)://host:port, got " + endpoint);
    }
    return Optional.of(uri);
  }

  public boolean embedded() {
    return isBlank(endpoint);
  }

  /**
   * The bucket name.
   *
   * @throws UsageException when it is not a valid S3 bucket name
   */
  public String bucket() {
    String name = isBlank(bucket) ? DEFAULT_BUCKET : bucket.strip();
    if (!BUCKET.matcher(name).matches()) {
      throw new UsageException(
          "--bucket (REPFLOW_BUCKET): '"
              + name
              + "' is not an S3 bucket name (3-63 lowercase letters, digits, '.' or '-')");
    }
    return name;
  }

  public Region region() {
    return Region.of(isBlank(region) ? DEFAULT_REGION : region.strip());
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Folder of the embedded S3's objects. */
  public Path embeddedS3Dir() {
    return dataDir.resolve("s3");
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
