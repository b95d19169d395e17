package dev.repflow.worker.cli;

import dev.repflow.worker.runtime.EmbeddedTemporal;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which Temporal server and namespace a command talks to (picocli mixin). */
public final class TemporalOptions {
  @Option(
      names = "--temporal",
      paramLabel = "ADDRESS",
      defaultValue = "${env:REPFLOW_TEMPORAL}",
      description =
          "Temporal frontend host:port (env REPFLOW_TEMPORAL). Without it, an embedded server"
              + " runs inside this process.")
  private String target;

  @Option(
      names = "--namespace",
      defaultValue = EmbeddedTemporal.NAMESPACE,
      description = "Temporal namespace (default: ${DEFAULT-VALUE}).")
  private String namespace;

  /** The server address, or empty when an embedded server should be started. */
  public Optional<String> target() {
    return Optional.ofNullable(target).filter(t -> !t.isBlank());
  }

  public boolean embedded() {
    return target().isEmpty();
  }

  public String namespace() {
    return namespace;
  }
}
