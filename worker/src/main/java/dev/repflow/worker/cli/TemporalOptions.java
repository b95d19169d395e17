package dev.repflow.worker.cli;

import dev.repflow.worker.runtime.TemporalSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which Temporal server and namespace a command talks to, and how it authenticates (picocli mixin).
 * Environment variables follow Temporal's conventions ({@code TEMPORAL_ADDRESS}, {@code
 * TEMPORAL_NAMESPACE}, {@code TEMPORAL_API_KEY}, {@code TEMPORAL_TLS_*}, {@code TEMPORAL_PROFILE});
 * {@link TemporalSettings} documents the precedence.
 */
public final class TemporalOptions {
  @Option(
      names = "--temporal",
      paramLabel = "ADDRESS",
      description =
          "Temporal frontend host:port (env REPFLOW_TEMPORAL or TEMPORAL_ADDRESS). Without one, an"
              + " embedded server runs inside this process, on loopback.")
  private String address;

  @Option(
      names = "--namespace",
      description = "Temporal namespace (env TEMPORAL_NAMESPACE; default: default).")
  private String namespace;

  @Option(
      names = "--temporal-profile",
      paramLabel = "NAME",
      description =
          "Profile of Temporal's client config file (env TEMPORAL_PROFILE; file from"
              + " TEMPORAL_CONFIG_FILE or ~/.config/temporalio/temporal.toml).")
  private String profile;

  @Option(
      names = "--tls",
      description = "Connect with TLS, trusting the system's CAs (env TEMPORAL_TLS=true).")
  private boolean tls;

  @Option(
      names = "--tls-cert",
      paramLabel = "PEM",
      description = "Client certificate for mTLS (env TEMPORAL_TLS_CLIENT_CERT_PATH).")
  private Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "PEM",
      description = "Client private key (PKCS#8) for mTLS (env TEMPORAL_TLS_CLIENT_KEY_PATH).")
  private Path tlsKey;

  @Option(
      names = "--tls-ca",
      paramLabel = "PEM",
      description =
          "CA certificate(s) to trust for the server (env TEMPORAL_TLS_SERVER_CA_CERT_PATH).")
  private Path tlsCa;

  @Option(
      names = "--tls-server-name",
      paramLabel = "NAME",
      description = "Name the server certificate must carry (env TEMPORAL_TLS_SERVER_NAME).")
  private String tlsServerName;

  private TemporalSettings settings;

  /**
   * The resolved settings (flags, then environment, then profile); the API key comes only from
   * TEMPORAL_API_KEY or the profile.
   *
   * @throws UsageException naming the setting when one is unusable
   */
  public TemporalSettings settings() {
    if (settings == null) {
      try {
        settings =
            TemporalSettings.resolve(
                new TemporalSettings.Flags(
                    address, namespace, profile, tls, tlsCert, tlsKey, tlsCa, tlsServerName),
                System.getenv());
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return settings;
  }

  /** True when no address is set, so an embedded server should be started. */
  public boolean embedded() {
    return settings().address().isEmpty();
  }

  public String namespace() {
    return settings().namespace();
  }
}
