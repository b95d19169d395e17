package dev.repflow.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Temporal frontend on loopback that demands mTLS and an API key (the test server's services
 * behind a TLS transport and a bearer-token check), reached through {@link TemporalSettings} as a
 * secured cluster or Temporal Cloud would be.
 */
class TemporalTlsTest {
  private static final Path TLS = TemporalSettingsTest.TLS;
  private static final String KEY = "tls-test-api-key";
  private static EmbeddedTemporal server;

  @BeforeAll
  static void start() throws Exception {
    var credentials =
        TlsServerCredentials.newBuilder()
            .keyManager(TLS.resolve("server.pem").toFile(), TLS.resolve("server.key").toFile())
            .trustManager(TLS.resolve("ca.pem").toFile())
            .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
            .build();
    server =
        EmbeddedTemporal.serve(
            new InetSocketAddress(EmbeddedTemporal.LOOPBACK, 0), credentials, List.of(apiKey()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Refuses calls without {@code authorization: Bearer KEY}. */
  private static ServerInterceptor apiKey() {
    Metadata.Key<String> header =
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (!("Bearer " + KEY).equals(headers.get(header))) {
          call.close(Status.UNAUTHENTICATED.withDescription("bad API key"), new Metadata());
          return new ServerCall.Listener<>() {};
        }
        return next.startCall(call, headers);
      }
    };
  }

  private static TemporalSettings settings(Path cert, Path key, Map<String, String> env) {
    return TemporalSettings.resolve(
        new TemporalSettings.Flags(
            server.target(),
            null,
            null,
            false,
            cert,
            key,
            TLS.resolve("ca.pem"),
            "repflow-test-server"),
        env);
  }

  @Test
  void connectsWithClientCertificateServerNameAndApiKey() {
    try (TemporalConnection c =
        TemporalConnection.connect(
            settings(
                TLS.resolve("client.pem"),
                TLS.resolve("client.key"),
                Map.of("TEMPORAL_API_KEY", KEY)),
            List.of())) {
      assertEquals("default", c.namespace());
      assertTrue(c.searchAttributes().ensureRegistered());
    }
  }

  @Test
  void aMissingApiKeyIsRefusedWithAMessageSayingSo() {
    TemporalConnectionException e =
        assertThrows(
            TemporalConnectionException.class,
            () ->
                TemporalConnection.connect(
                    settings(TLS.resolve("client.pem"), TLS.resolve("client.key"), Map.of()),
                    List.of()));
    assertTrue(e.getMessage().contains("refused the credentials"), e.getMessage());
  }

  @Test
  void noClientCertificateOrPlaintextCannotConnect() {
    assertThrows(
        TemporalConnectionException.class,
        () ->
            TemporalConnection.connect(
                settings(null, null, Map.of("TEMPORAL_API_KEY", KEY)), List.of()));
    assertThrows(
        TemporalConnectionException.class,
        () -> TemporalConnection.connect(server.target(), "default"));
  }
}
