package dev.repflow.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

class EmbeddedS3Test {
  @TempDir Path dir;
  private EmbeddedS3 s3;

  @BeforeEach
  void start() {
    s3 = EmbeddedS3.start(0, dir);
    s3.createBucket("repflow");
  }

  @AfterEach
  void stop() {
    s3.close();
  }

  @Test
  void storesObjectsAsFilesWithTheEmbeddedCredentials() {
    assertTrue(s3.port() > 0);
    assertEquals("http://127.0.0.1:" + s3.port(), s3.endpoint().toString());
    try (S3Client client = client(s3.secretKey())) {
      client.putObject(
          b -> b.bucket("repflow").key("exp/step/a.txt"), RequestBody.fromString("hi"));

      assertEquals(
          "hi",
          client.getObjectAsBytes(b -> b.bucket("repflow").key("exp/step/a.txt")).asUtf8String());
    }
    assertTrue(Files.isDirectory(dir.resolve("repflow")));
  }

  @Test
  void wrongSecretIsForbidden() {
    try (S3Client client = client("not-the-secret")) {
      S3Exception e =
          assertThrows(S3Exception.class, () -> client.listObjectsV2(b -> b.bucket("repflow")));
      assertEquals(403, e.statusCode());
    }
  }

  @Test
  void createBucketIsIdempotent() {
    s3.createBucket("repflow");
    try (S3Client client = client(s3.secretKey())) {
      assertTrue(client.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("repflow")));
    }
  }

  private S3Client client(String secret) {
    return S3Client.builder()
        .endpointOverride(s3.endpoint())
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), secret)))
        .build();
  }
}
