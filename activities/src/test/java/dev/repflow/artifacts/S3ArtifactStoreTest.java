package dev.repflow.artifacts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.testing.S3ProxyServer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** {@link S3ArtifactStore} against an in-process S3Proxy on a filesystem blob store. */
class S3ArtifactStoreTest {
  private static final String KEY_ID = S3ProxyServer.KEY_ID;
  private static final String SECRET = S3ProxyServer.SECRET;
  private static final String BUCKET = "repflow-test";

  @TempDir static Path blobDir;
  @TempDir Path work;

  private static S3ProxyServer server;
  private static URI endpoint;
  private static S3ArtifactStore store;

  @BeforeAll
  static void startS3Proxy() throws Exception {
    server = S3ProxyServer.start(blobDir);
    endpoint = server.endpoint();
    store = S3ArtifactStore.connect(settings(endpoint, SECRET).withCreateBucket(true));
    store.checkReachable();
  }

  @AfterAll
  static void stopS3Proxy() throws Exception {
    try {
      if (store != null) {
        store.close();
      }
    } finally {
      server.close();
    }
  }

  private static S3Settings settings(URI endpoint, String secret) {
    return S3Settings.of(endpoint, "us-east-1", BUCKET, true).withCredentials(KEY_ID, secret);
  }

  private Path file(String content) throws Exception {
    return Files.writeString(Files.createTempFile(work, "in", ".bin"), content);
  }

  @Test
  void putFindDownloadRoundTrip() throws Exception {
    Path in = file("features of three rows");
    ArtifactRef ref = store.put("exp/embed/roundtrip.h5", in, "hdf5", List.of(3L, 4L));

    assertEquals("s3://" + BUCKET + "/exp/embed/roundtrip.h5", ref.uri());
    assertEquals(Sha256.of(in), ref.sha256());
    assertEquals(Files.size(in), ref.bytes());
    assertEquals(Optional.of(ref), store.find("exp/embed/roundtrip.h5"));

    Path out = store.download(ref);
    try {
      assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
      assertTrue(out.getFileName().toString().endsWith(".h5"), out.toString());
    } finally {
      Files.delete(out);
    }
  }

  @Test
  void putSendsTheSha256RequestChecksum() throws Exception {
    AtomicReference<String> sent = new AtomicReference<>();
    ExecutionInterceptor recorder =
        new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(
              Context.BeforeTransmission context, ExecutionAttributes attributes) {
            context.httpRequest().firstMatchingHeader("x-amz-checksum-sha256").ifPresent(sent::set);
          }
        };
    Path in = file("checked on arrival");
    try (S3Client client = rawClient(recorder)) {
      new S3ArtifactStore(client, BUCKET).put("exp/step/checksum.json", in, "json", List.of());
    }
    byte[] digest = HexFormat.of().parseHex(Sha256.of(in));
    assertEquals(Base64.getEncoder().encodeToString(digest), sent.get());
  }

  @Test
  void findOnMissingKeyIsEmpty() {
    assertEquals(Optional.empty(), store.find("exp/step/never-written.h5"));
  }

  @Test
  void findIgnoresObjectsWithoutSha256Metadata() {
    try (S3Client client = rawClient()) {
      client.putObject(
          PutObjectRequest.builder().bucket(BUCKET).key("exp/step/foreign.json").build(),
          RequestBody.fromString("{}"));
    }
    assertEquals(Optional.empty(), store.find("exp/step/foreign.json"));
  }

  @Test
  void corruptedObjectFailsVerification() throws Exception {
    ArtifactRef ref = store.put("exp/step/corrupt.h5", file("original bytes"), "hdf5", List.of());
    // Bit rot on the server: same length, different content, metadata untouched.
    Path blob = blobDir.resolve(BUCKET).resolve("exp/step/corrupt.h5");
    assertTrue(Files.exists(blob), "S3Proxy filesystem layout changed: " + blob);
    Files.writeString(blob, "tampered bytes");

    ArtifactIntegrityException e =
        assertThrows(ArtifactIntegrityException.class, () -> store.download(ref));
    assertTrue(e.getMessage().contains(ref.uri()), e.getMessage());
    assertEquals(ref.sha256(), e.expectedSha256());
    assertEquals(Sha256.of("tampered bytes".getBytes(StandardCharsets.UTF_8)), e.actualSha256());
  }

  @Test
  void downloadOfMissingObjectNamesTheUri() throws Exception {
    ArtifactRef ref = store.put("exp/step/deleted.h5", file("soon gone"), "hdf5", List.of());
    try (S3Client client = rawClient()) {
      client.deleteObject(b -> b.bucket(BUCKET).key(ref.key()));
    }
    ArtifactNotFoundException e =
        assertThrows(ArtifactNotFoundException.class, () -> store.download(ref));
    assertTrue(e.getMessage().contains(ref.uri()), e.getMessage());
  }

  @Test
  void unreachableEndpointFailsFastWithOneLine() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + closedPort);
    long start = System.nanoTime();
    try (S3ArtifactStore unreachable = S3ArtifactStore.connect(settings(closed, SECRET))) {
      ArtifactStoreException e =
          assertThrows(ArtifactStoreException.class, unreachable::checkReachable);
      assertEquals("S3 endpoint " + closed + " unreachable: Connection refused", e.getMessage());
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 10_000, "took " + millis + " ms");
  }

  @Test
  void wrongCredentialsAreNamed() {
    try (S3ArtifactStore refused = S3ArtifactStore.connect(settings(endpoint, "wrong-secret"))) {
      ArtifactStoreException e =
          assertThrows(ArtifactStoreException.class, refused::checkReachable);
      String message = e.getMessage();
      assertTrue(message.contains(endpoint.toString()), message);
      assertTrue(message.contains(BUCKET), message);
      assertTrue(message.contains("refused access"), message);
      assertFalse(message.contains("\n"), message);
    }
  }

  @Test
  void missingBucketIsNamedWhenNotCreated() {
    S3Settings other =
        S3Settings.of(endpoint, "us-east-1", "no-such-bucket", true)
            .withCredentials(KEY_ID, SECRET);
    try (S3ArtifactStore missing = S3ArtifactStore.connect(other)) {
      ArtifactStoreException e =
          assertThrows(ArtifactStoreException.class, missing::checkReachable);
      assertEquals(
          "bucket no-such-bucket does not exist at S3 endpoint " + endpoint, e.getMessage());
    }
  }

  private static S3Client rawClient(ExecutionInterceptor... interceptors) {
    return server.rawClient(interceptors);
  }
}
