package dev.repflow.worker.runtime;

import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.ClientConfigTLS;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach a Temporal namespace: address, namespace, API key and TLS, resolved from flags,
 * environment and an optional Temporal client config profile (Temporal's {@code envconfig}
 * conventions). The API key and TLS material never leave this object except into the gRPC channel:
 * {@link #toString()} shows only what is safe to log.
 *
 * <p>Precedence, first set wins (blank values count as unset):
 *
 * <ul>
 *   <li>address: {@code --temporal}, {@code REPFLOW_TEMPORAL}, {@code TEMPORAL_ADDRESS}, the
 *       profile's {@code address}; none = an embedded server
 *   <li>namespace: {@code --namespace}, {@code TEMPORAL_NAMESPACE}, the profile's, {@code default}
 *   <li>API key: {@code TEMPORAL_API_KEY}, the profile's {@code api_key} (never a flag: command
 *       lines are visible to every user of the machine)
 *   <li>TLS: {@code --tls*} flags, {@code TEMPORAL_TLS*} variables, the profile's {@code tls}
 * </ul>
 *
 * The profile file is read only when asked for ({@code --temporal-profile}, {@code
 * TEMPORAL_PROFILE} or {@code TEMPORAL_CONFIG_FILE}), so a config other tools keep in the home
 * folder never turns a local {@code repflow run} into a run on someone's cluster.
 */
public final class TemporalSettings {
  /** Namespace when nothing names one. */
  public static final String DEFAULT_NAMESPACE = "default";

  private final ClientConfigProfile profile;

  private TemporalSettings(ClientConfigProfile profile) {
    this.profile = profile;
  }

  /** A plaintext connection to {@code address}, as for the embedded server. */
  public static TemporalSettings plaintext(String address, String namespace) {
    return new TemporalSettings(
        ClientConfigProfile.newBuilder().setAddress(address).setNamespace(namespace).build());
  }

  /**
   * Resolves the settings (see the class comment for precedence).
   *
   * @param env the process environment ({@code System.getenv()}; tests pass their own)
   * @throws IllegalArgumentException in one line naming the setting when one is unusable (unknown
   *     profile, unreadable certificate, a certificate without its key)
   */
  public static TemporalSettings resolve(Flags flags, Map<String, String> env) {
    Map<String, String> set = withoutBlanks(env);
    ClientConfigProfile loaded = load(flags, set);
    ClientConfigProfile.Builder builder = loaded.toBuilder();
    firstSet(flags.address(), set.get("REPFLOW_TEMPORAL"), loaded.getAddress())
        .ifPresent(builder::setAddress);
    builder.setNamespace(
        firstSet(flags.namespace(), loaded.getNamespace()).orElse(DEFAULT_NAMESPACE));
    builder.setTls(tls(flags, loaded.getTls()));
    return new TemporalSettings(builder.build());
  }

  /**
   * What the command line says about Temporal; null = not given.
   *
   * @param tls true: TLS even without files (system trust store)
   */
  public record Flags(
      String address,
      String namespace,
      String profile,
      boolean tls,
      Path tlsCert,
      Path tlsKey,
      Path tlsCa,
      String tlsServerName) {
    /** No flags: environment and profile only. */
    public static Flags none() {
      return new Flags(null, null, null, false, null, null, null, null);
    }
  }

  /** The server's host:port, or empty when an embedded server should be started. */
  public Optional<String> address() {
    return firstSet(profile.getAddress());
  }

  public String namespace() {
    return profile.getNamespace();
  }

  /** Whether requests carry an API key. */
  public boolean hasApiKey() {
    return firstSet(profile.getApiKey()).isPresent();
  }

  /** Whether the channel uses TLS (explicitly, or because an API key needs it). */
  public boolean usesTls() {
    ClientConfigTLS tls = profile.getTls();
    if (tls != null) {
      return !Boolean.TRUE.equals(tls.isDisabled());
    }
    return hasApiKey();
  }

  /**
   * Service stubs options with the address, API key and TLS context.
   *
   * @throws IllegalStateException when there is no address
   * @throws IllegalArgumentException when the TLS files cannot be turned into a TLS context
   */
  public WorkflowServiceStubsOptions serviceStubsOptions() {
    if (address().isEmpty()) {
      throw new IllegalStateException("no Temporal address: start an embedded server instead");
    }
    try {
      WorkflowServiceStubsOptions options = profile.toWorkflowServiceStubsOptions();
      if (!usesTls()) {
        // The SDK turns TLS on for any API key; TEMPORAL_TLS=false (e.g. a local proxy that
        // terminates TLS) must win, as it does in Temporal's other SDKs.
        options = WorkflowServiceStubsOptions.newBuilder(options).setEnableHttps(false).build();
      }
      return options;
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException(
          "Temporal TLS: cannot use the certificate or key files: " + cause.getMessage(), e);
    }
  }

  /** Address, namespace and which credentials are used, never their values. */
  @Override
  public String toString() {
    return address().orElse("embedded")
        + " (namespace "
        + namespace()
        + (usesTls() ? ", TLS" : ", plaintext")
        + (hasApiKey() ? ", API key" : "")
        + ")";
  }

  private static ClientConfigProfile load(Flags flags, Map<String, String> env) {
    boolean fileAsked =
        flags.profile() != null
            || env.containsKey("TEMPORAL_PROFILE")
            || env.containsKey("TEMPORAL_CONFIG_FILE");
    try {
      return ClientConfigProfile.load(
          LoadClientConfigProfileOptions.newBuilder()
              .setEnvOverrides(env)
              .setDisableFile(!fileAsked)
              .setConfigFileProfile(flags.profile())
              .build());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "Temporal client config"
              + Optional.ofNullable(env.get("TEMPORAL_CONFIG_FILE")).map(f -> " " + f).orElse("")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The profile's TLS settings with the flags on top; files checked now for clear errors. */
  private static ClientConfigTLS tls(Flags flags, ClientConfigTLS fromProfile) {
    boolean anyFlag =
        flags.tls()
            || flags.tlsCert() != null
            || flags.tlsKey() != null
            || flags.tlsCa() != null
            || flags.tlsServerName() != null;
    if (!anyFlag) {
      checkFiles(fromProfile);
      return fromProfile;
    }
    ClientConfigTLS.Builder tls =
        fromProfile == null ? ClientConfigTLS.newBuilder() : fromProfile.toBuilder();
    tls.setDisabled(false);
    if (flags.tlsCert() != null) {
      tls.setClientCertPath(flags.tlsCert().toString());
    }
    if (flags.tlsKey() != null) {
      tls.setClientKeyPath(flags.tlsKey().toString());
    }
    if (flags.tlsCa() != null) {
      tls.setServerCACertPath(flags.tlsCa().toString());
    }
    if (flags.tlsServerName() != null) {
      tls.setServerName(flags.tlsServerName());
    }
    ClientConfigTLS result = tls.build();
    checkFiles(result);
    return result;
  }

  private static void checkFiles(ClientConfigTLS tls) {
    if (tls == null) {
      return;
    }
    readable(
        "client certificate (--tls-cert, TEMPORAL_TLS_CLIENT_CERT_PATH)", tls.getClientCertPath());
    readable("client key (--tls-key, TEMPORAL_TLS_CLIENT_KEY_PATH)", tls.getClientKeyPath());
    readable("server CA (--tls-ca, TEMPORAL_TLS_SERVER_CA_CERT_PATH)", tls.getServerCACertPath());
    boolean cert = present(tls.getClientCertPath()) || tls.getClientCertData() != null;
    boolean key = present(tls.getClientKeyPath()) || tls.getClientKeyData() != null;
    if (cert != key) {
      throw new IllegalArgumentException(
          "Temporal TLS: a client certificate needs its key and a key its certificate"
              + " (--tls-cert with --tls-key)");
    }
  }

  private static void readable(String what, String path) {
    if (present(path) && !Files.isReadable(Path.of(path))) {
      throw new IllegalArgumentException("Temporal TLS " + what + ": cannot read " + path);
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /** Blank variables count as unset (Kubernetes and compose write unset values as ""). */
  private static Map<String, String> withoutBlanks(Map<String, String> env) {
    Map<String, String> set = new HashMap<>();
    env.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            set.put(k, v);
          }
        });
    return set;
  }

  private static Optional<String> firstSet(String... values) {
    for (String v : values) {
      if (present(v)) {
        return Optional.of(v.strip());
      }
    }
    return Optional.empty();
  }
}
