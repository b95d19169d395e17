package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repflow.worker.runtime.EmbeddedS3;
import dev.repflow.worker.runtime.EmbeddedTemporal;
import dev.repflow.worker.runtime.TemporalConnection;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run with a planted Temporal API key and S3 secret: the key must reach the server, and
 * neither may show up in the run's history (input, memo, search attributes, results, failures), in
 * what the CLI and its worker print or log, or in any stored artifact.
 */
class CredentialLeakTest {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  @TempDir Path dir;

  @Test
  void historyLogsAndArtifactsNeverContainTheCredentials() throws Exception {
    String apiKey = "planted-api-key-" + UUID.randomUUID();
    String s3Secret = "planted-s3-secret-" + UUID.randomUUID();
    AtomicBoolean keyArrived = new AtomicBoolean();
    try (EmbeddedTemporal temporal =
            EmbeddedTemporal.serve(
                new InetSocketAddress(EmbeddedTemporal.LOOPBACK, 0),
                InsecureServerCredentials.create(),
                List.of(recordKey("Bearer " + apiKey, keyArrived)));
        EmbeddedS3 s3 =
            EmbeddedS3.start(EmbeddedTemporal.LOOPBACK, 0, dir.resolve("s3"), s3Secret)) {
      s3.createBucket("repflow");
      Path output = dir.resolve("cli.log");
      Process cli =
          ChildCli.start(
              List.of("-Dai.djl.offline=true"),
              List.of(
                  "run",
                  Path.of(RunCommandTest.TINY).toAbsolutePath().toString(),
                  "--workflow-id",
                  "leak-1",
                  "--data-dir",
                  dir.toString()),
              Map.of(
                  "TEMPORAL_ADDRESS",
                  temporal.target(),
                  "TEMPORAL_API_KEY",
                  apiKey,
                  // The embedded server speaks plaintext; a real cluster would use TLS.
                  "TEMPORAL_TLS",
                  "false",
                  "REPFLOW_S3_ENDPOINT",
                  s3.endpoint().toString(),
                  "AWS_ACCESS_KEY_ID",
                  s3.accessKey(),
                  "AWS_SECRET_ACCESS_KEY",
                  s3Secret,
                  "REPFLOW_LOG_LEVEL",
                  "DEBUG"),
              output);
      assertTrue(cli.waitFor(180, TimeUnit.SECONDS), "run did not finish");
      String printed = Files.readString(output);
      assertEquals(0, cli.exitValue(), printed);
      assertTrue(keyArrived.get(), "the API key never reached the server");

      String history;
      try (TemporalConnection c = TemporalConnection.connect(temporal.target(), "default")) {
        var events = c.client().fetchHistory("leak-1");
        // Text format shows payload bytes (input, memo, search attributes, results) as text; the
        // JSON form has them base64-encoded. Search both.
        history =
            events.getEvents().stream().map(Object::toString).collect(Collectors.joining("\n"))
                + events.toJson(false);
      }
      assertTrue(history.contains("cli-test"), "not the run's history");
      String artifacts = allFiles(dir.resolve("s3"));
      assertFalse(artifacts.isEmpty(), "no artifacts");

      for (String secret : List.of(apiKey, s3Secret)) {
        assertFalse(printed.contains(secret), "printed or logged: " + secret);
        assertFalse(history.contains(secret), "in the history: " + secret);
        assertFalse(artifacts.contains(secret), "in an artifact: " + secret);
      }
    }
  }

  /** Notes whether any call carried {@code expected} as its authorization header. */
  private static ServerInterceptor recordKey(String expected, AtomicBoolean seen) {
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (expected.equals(headers.get(AUTHORIZATION))) {
          seen.set(true);
        }
        return next.startCall(call, headers);
      }
    };
  }

  /** Every stored object's bytes, as Latin-1 text so any byte sequence can be searched. */
  private static String allFiles(Path root) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              f -> {
                try {
                  all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return all.toString();
  }
}
