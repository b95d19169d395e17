package dev.repflow.worker.config;

/**
 * A config or spec file that cannot be used. The message is one line that names the file and the
 * key, so the CLI can print it as is.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
