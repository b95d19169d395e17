package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Values as Kubernetes and compose hand them over: empty strings mean "not set". */
class S3OptionsTest {
  private static S3Options parse(String... args) {
    S3Options options = new S3Options();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void emptyValuesMeanTheDefaults() {
    S3Options s3 = parse("--s3-endpoint", "", "--bucket", "", "--s3-region", " ");

    assertTrue(s3.embedded());
    assertEquals(Optional.empty(), s3.endpoint());
    assertEquals(S3Options.DEFAULT_BUCKET, s3.bucket());
    assertEquals(S3Options.DEFAULT_REGION, s3.region().id());
  }

  @Test
  void givenValuesAreUsed() {
    S3Options s3 =
        parse(
            "--s3-endpoint", "http://s3proxy:80", "--bucket", "team-a", "--s3-region", "eu-west-1");

    assertEquals(Optional.of(URI.create("http://s3proxy:80")), s3.endpoint());
    assertEquals("team-a", s3.bucket());
    assertEquals("eu-west-1", s3.region().id());
  }

  @Test
  void badEndpointOrBucketIsAOneLineUsageError() {
    UsageException endpoint =
        assertThrows(UsageException.class, () -> parse("--s3-endpoint", "minio:9000").endpoint());
    UsageException bucket =
        assertThrows(UsageException.class, () -> parse("--bucket", "Team_A").bucket());

    assertTrue(endpoint.getMessage().contains("REPFLOW_S3_ENDPOINT"), endpoint.getMessage());
    assertTrue(bucket.getMessage().contains("'Team_A'"), bucket.getMessage());
  }
}
