package dev.repflow.worker.runtime;

/** An embedded server that could not start (e.g. its port is taken); one-line message. */
public final class ServiceStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ServiceStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
