package dev.repflow.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Metadata;
import io.temporal.serviceclient.GrpcMetadataProvider;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution and precedence of Temporal connection settings, checked on the built options. */
class TemporalSettingsTest {
  static final Path TLS = Path.of("src/test/resources/tls");
  private static final String KEY = "planted-api-key-7f3a";

  @TempDir Path dir;

  private static TemporalSettings resolve(Map<String, String> env) {
    return TemporalSettings.resolve(TemporalSettings.Flags.none(), env);
  }

  private static TemporalSettings.Flags address(String address) {
    return new TemporalSettings.Flags(address, null, null, false, null, null, null, null);
  }

  /** The value the channel sends as {@code authorization}, if any. */
  static Optional<String> authorization(WorkflowServiceStubsOptions options) {
    Metadata.Key<String> key = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    if (options.getGrpcMetadataProviders() == null) {
      return Optional.empty();
    }
    return options.getGrpcMetadataProviders().stream()
        .map(GrpcMetadataProvider::getMetadata)
        .map(m -> m.get(key))
        .filter(v -> v != null)
        .findFirst();
  }

  @Test
  void nothingSetMeansEmbeddedDefaultNamespacePlaintext() {
    TemporalSettings s = resolve(Map.of());

    assertEquals(Optional.empty(), s.address());
    assertEquals("default", s.namespace());
    assertFalse(s.usesTls());
    assertFalse(s.hasApiKey());
  }

  @Test
  void flagBeatsRepflowVariableBeatsTemporalVariable() {
    Map<String, String> env =
        Map.of("REPFLOW_TEMPORAL", "repflow:7233", "TEMPORAL_ADDRESS", "temporal:7233");

    assertEquals("flag:7233", TemporalSettings.resolve(address("flag:7233"), env).address().get());
    assertEquals("repflow:7233", resolve(env).address().get());
    assertEquals(
        "temporal:7233", resolve(Map.of("TEMPORAL_ADDRESS", "temporal:7233")).address().get());
  }

  @Test
  void blankVariablesCountAsUnset() {
    TemporalSettings s =
        resolve(
            Map.of(
                "REPFLOW_TEMPORAL", "",
                "TEMPORAL_ADDRESS", " ",
                "TEMPORAL_NAMESPACE", "",
                "TEMPORAL_API_KEY", "",
                "TEMPORAL_TLS_CLIENT_CERT_PATH", ""));

    assertEquals(Optional.empty(), s.address());
    assertEquals("default", s.namespace());
    assertFalse(s.hasApiKey());
    assertFalse(s.usesTls());
  }

  @Test
  void apiKeyTravelsAsBearerTokenOverTlsAndNeverInToString() {
    TemporalSettings s =
        resolve(
            Map.of(
                "TEMPORAL_ADDRESS", "my-ns.a1b2c.tmprl.cloud:7233",
                "TEMPORAL_NAMESPACE", "my-ns.a1b2c",
                "TEMPORAL_API_KEY", KEY));

    WorkflowServiceStubsOptions options = s.serviceStubsOptions();
    assertEquals("my-ns.a1b2c.tmprl.cloud:7233", options.getTarget());
    assertEquals(Optional.of("Bearer " + KEY), authorization(options));
    assertTrue(options.getEnableHttps(), "an API key implies TLS");
    assertEquals("my-ns.a1b2c", s.namespace());
    assertFalse(s.toString().contains(KEY), s.toString());
    assertTrue(s.toString().contains("API key"), s.toString());
  }

  @Test
  void tlsFlagsBuildAnSslContextAndFlagsBeatVariables() {
    var flags =
        new TemporalSettings.Flags(
            "secure:7233",
            "team",
            null,
            false,
            TLS.resolve("client.pem"),
            TLS.resolve("client.key"),
            TLS.resolve("ca.pem"),
            "repflow-test-server");
    TemporalSettings s =
        TemporalSettings.resolve(
            flags,
            Map.of("TEMPORAL_NAMESPACE", "other", "TEMPORAL_TLS_CLIENT_CERT_PATH", "/nowhere.pem"));

    WorkflowServiceStubsOptions options = s.serviceStubsOptions();
    assertNotNull(options.getSslContext());
    assertTrue(options.getSslContext().isClient());
    assertNotNull(options.getChannelInitializer(), "server name override");
    assertEquals("team", s.namespace());
    assertTrue(s.usesTls());
    assertEquals(Optional.empty(), authorization(options));
  }

  @Test
  void tlsFromTemporalVariables() {
    TemporalSettings s =
        resolve(
            Map.of(
                "TEMPORAL_ADDRESS", "secure:7233",
                "TEMPORAL_TLS_CLIENT_CERT_PATH", TLS.resolve("client.pem").toString(),
                "TEMPORAL_TLS_CLIENT_KEY_PATH", TLS.resolve("client.key").toString(),
                "TEMPORAL_TLS_SERVER_CA_CERT_PATH", TLS.resolve("ca.pem").toString()));

    assertNotNull(s.serviceStubsOptions().getSslContext());
    assertTrue(s.usesTls());
  }

  @Test
  void plaintextWhenTlsIsSwitchedOffExplicitly() {
    TemporalSettings s =
        resolve(
            Map.of(
                "TEMPORAL_ADDRESS",
                "local:7233",
                "TEMPORAL_API_KEY",
                KEY,
                "TEMPORAL_TLS",
                "false"));

    assertNull(s.serviceStubsOptions().getSslContext());
    assertFalse(s.serviceStubsOptions().getEnableHttps());
    assertFalse(s.usesTls());
  }

  @Test
  void unreadableOrHalfGivenTlsFilesNameTheSetting() {
    var missing =
        new TemporalSettings.Flags(
            "x:1", null, null, false, dir.resolve("no.pem"), TLS.resolve("client.key"), null, null);
    var certOnly =
        new TemporalSettings.Flags(
            "x:1", null, null, false, TLS.resolve("client.pem"), null, null, null);

    IllegalArgumentException e1 =
        assertThrows(
            IllegalArgumentException.class, () -> TemporalSettings.resolve(missing, Map.of()));
    IllegalArgumentException e2 =
        assertThrows(
            IllegalArgumentException.class, () -> TemporalSettings.resolve(certOnly, Map.of()));

    assertTrue(e1.getMessage().contains("--tls-cert") && e1.getMessage().contains("no.pem"));
    assertTrue(e2.getMessage().contains("--tls-key"), e2.getMessage());
  }

  @Test
  void profileFileIsReadOnlyWhenAskedFor() throws Exception {
    Path toml = dir.resolve("temporal.toml");
    Files.writeString(
        toml,
        """
        [profile.default]
        address = "from-file:7233"
        namespace = "file-ns"

        [profile.cloud]
        address = "cloud:7233"
        api_key = "%s"
        """
            .formatted(KEY));

    TemporalSettings byFile = resolve(Map.of("TEMPORAL_CONFIG_FILE", toml.toString()));
    TemporalSettings byProfile =
        resolve(Map.of("TEMPORAL_CONFIG_FILE", toml.toString(), "TEMPORAL_PROFILE", "cloud"));
    TemporalSettings envWins =
        resolve(Map.of("TEMPORAL_CONFIG_FILE", toml.toString(), "TEMPORAL_ADDRESS", "env:7233"));

    assertEquals("from-file:7233", byFile.address().get());
    assertEquals("file-ns", byFile.namespace());
    assertEquals(Optional.of("Bearer " + KEY), authorization(byProfile.serviceStubsOptions()));
    assertEquals("env:7233", envWins.address().get());
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                resolve(
                    Map.of("TEMPORAL_CONFIG_FILE", toml.toString(), "TEMPORAL_PROFILE", "nope")));
    assertTrue(unknown.getMessage().contains("nope"), unknown.getMessage());
  }
}
