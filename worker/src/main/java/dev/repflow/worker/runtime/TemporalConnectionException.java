package dev.repflow.worker.runtime;

/** A Temporal server that cannot be used; the message is one line meant for the user. */
public final class TemporalConnectionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemporalConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
